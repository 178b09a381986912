using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Meetings;
using MeetingRoom.Web.Features.Rooms;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>
/// The board's own app (a second <see cref="BrowserApp"/>: its own database and clock), so the board shows
/// only what these tests create. The tests of this collection run one after another and delete their rooms.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BoardCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Board";
}

/// <summary>The wall display (/board) in a real browser: live pushes, window openings, reconnecting, screens.</summary>
[Collection(BoardCollection.Name)]
public sealed class BoardTests(BrowserApp app)
{
    private static readonly DateOnly Today = DateOnly.Parse(MeetingRoomFactory.Today);
    private static int _floor = 40;

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..4]}";

    private static ILocator BoardCell(IPage page, string room, string start) =>
        page.Locator($".bcell[data-room=\"{room}\"][data-start=\"{start}\"]");

    /// <summary>Opens /board (no sign-in) in a new browser context and waits until it is live.</summary>
    private Task<IPage> OpenBoardAsync(string path = "/board", ViewportSize? viewport = null) => app.OpenBoardAsync(path, viewport);

    /// <summary>Marks the page's window: the mark survives live updates and is gone after a reload.</summary>
    private static Task MarkAsync(IPage page) => page.EvaluateAsync("() => { window.__boardMark = true; }");

    private static async Task<bool> StillMarkedAsync(IPage page) => await page.EvaluateAsync<bool>("() => window.__boardMark === true");

    [Fact]
    public async Task Board_follows_a_booking_and_its_cancellation_live_and_opens_slots_by_the_clock()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow); // Monday 10:05 in Seoul: 10:00–11:50 is open
        var floor = Interlocked.Increment(ref _floor);
        var room = Unique("Aurora");
        var roomId = await app.CreateRoomAsync(room, floor, 6);
        try
        {
            var board = await OpenBoardAsync($"/board?floor={floor}");
            var cell = BoardCell(board, room, "10:00");
            await Expect(cell).ToHaveAttributeAsync("data-state", "Open");
            await Expect(cell).ToHaveAttributeAsync("aria-label", $"{room}, 10:00–11:50: Open");
            await Expect(BoardCell(board, room, "13:00").Locator(".bcell__label")).ToHaveTextAsync("Opens 13:00");
            await Expect(board.Locator("[data-testid=next-opening]")).ToContainTextAsync("Next opening 13:00 · in 2 h 55 min");
            await Expect(board.Locator("[data-testid=board-date]")).ToContainTextAsync($"Monday 23 November · Floor {floor}");
            await MarkAsync(board);

            // A member books in another browser context, through the Book page.
            var member = await app.SignInAsync(await app.CreateUserAsync("Hana Yoon"));
            var slot = member.Locator($".slot[data-room=\"{room}\"][data-start=\"10:00\"]");
            await slot.Locator("button[data-action=book]").ClickAsync();
            await Expect(slot).ToHaveAttributeAsync("data-state", "Booked");

            await Expect(cell).ToHaveAttributeAsync("data-state", "Booked");
            await Expect(cell.Locator(".bcell__label")).ToHaveTextAsync("Booked");
            await Expect(cell).ToHaveAttributeAsync("aria-label", $"{room}, 10:00–11:50: Booked");
            await Expect(cell).Not.ToContainTextAsync("Hana Yoon"); // Board:ShowBookerNames is off by default
            var bookedVersion = long.Parse((await cell.GetAttributeAsync("data-version"))!);
            Assert.True(bookedVersion > 0);

            // …and cancels it on My bookings: the board shows the slot open again.
            await member.ClickAsync("nav[aria-label=Main] a[href='/my-bookings']");
            var row = member.Locator($"[data-testid=upcoming] .booking-row[data-room=\"{room}\"]");
            await row.Locator("button[data-action=cancel]").ClickAsync();
            await member.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cancel booking" }).ClickAsync();
            await Expect(member.Locator($"[data-testid=past] .booking-row[data-room=\"{room}\"]")).ToHaveAttributeAsync("data-state", "Cancelled");

            await Expect(cell).ToHaveAttributeAsync("data-state", "Open");
            Assert.True(long.Parse((await cell.GetAttributeAsync("data-version"))!) > bookedVersion);
            await member.Context.CloseAsync();

            // The clock passes the 13:00 opening: the cell turns open without a reload.
            var afternoon = BoardCell(board, room, "13:00");
            app.Clock.Set(DateTimeOffset.Parse("2026-11-23T12:59:50+09:00"));
            await Expect(afternoon).ToHaveAttributeAsync("data-state", "NotYetOpen");
            await Expect(afternoon.Locator("[data-testid=cell-detail]")).ToHaveTextAsync("in 0:10");
            await Expect(board.Locator("[data-testid=board-clock]")).ToHaveAttributeAsync("aria-label", "Site time 12:59");
            await Expect(cell).ToHaveAttributeAsync("data-state", "Closed"); // 10:00–11:50 is over

            app.Clock.Set(DateTimeOffset.Parse("2026-11-23T13:00:01+09:00"));
            await Expect(afternoon).ToHaveAttributeAsync("data-state", "Open");
            await Expect(afternoon).ToHaveAttributeAsync("aria-label", $"{room}, 13:00–14:50: Open");
            await Expect(board.Locator("[data-testid=next-opening]")).ToContainTextAsync("Next opening 15:00 · in 1 h 59 min");
            await Expect(board.Locator("th.live-period--now")).ToHaveAttributeAsync("data-period", "13:00");
            Assert.True(await StillMarkedAsync(board), "The board reloaded; it should have changed in place.");
            await board.Context.CloseAsync();
        }
        finally
        {
            app.Clock.Set(MeetingRoomFactory.DefaultNow);
            await app.DeleteRoomsAsync(roomId);
        }
    }

    /// <summary>The board's state words (legend and cells) in English: none of them may show on a Korean board.</summary>
    private static readonly string[] EnglishStates =
        ["Not yet open", "Opens", "Open", "Booked", "Pending approval", "In meeting", "Free again", "Closed", "Out of service"];

    [Fact]
    public async Task Board_in_Korean_by_lang_shows_Korean_legend_states_and_times_also_after_a_live_change()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow); // Monday 10:05 in Seoul: 10:00–11:50 is open
        var floor = Interlocked.Increment(ref _floor);
        var room = Unique("Aurora");
        var roomId = await app.CreateRoomAsync(room, floor, 6);
        try
        {
            var board = await OpenBoardAsync($"/board?floor={floor}&lang=ko");
            var cell = BoardCell(board, room, "10:00");
            await Expect(cell).ToHaveAttributeAsync("data-state", "Open");
            await Expect(cell).ToHaveAttributeAsync("aria-label", $"{room}, 10:00–11:50: 예약 가능");
            await Expect(BoardCell(board, room, "13:00")).ToHaveAttributeAsync("aria-label", $"{room}, 13:00–14:50: 오픈 전, 13:00 오픈");
            await Expect(board.Locator("h1")).ToHaveTextAsync("회의실");
            await Expect(board.Locator("[data-testid=board-date]")).ToContainTextAsync($"11월 23일 월요일 · {floor}층");
            await Expect(board.Locator("[data-testid=next-opening]")).ToContainTextAsync("다음 예약 창 열림 13:00 · 2시간 55분 후");
            await Expect(board.Locator(".live-floor__title")).ToHaveTextAsync($"{floor}층");
            await Expect(board.Locator(".board-legend__item")).ToHaveTextAsync(
                ["오픈 전", "예약 가능", "예약됨", "승인 대기", "회의 중", "다시 예약 가능", "마감", "사용 중지"]);
            await Expect(board.Locator("[data-testid=board-live]")).ToContainTextAsync("실시간");
            await Expect(board.Locator("[data-testid=board-clock]")).ToHaveAttributeAsync("aria-label", "현재 시각 10:05");

            // A booking made elsewhere reaches the board live, and the pushed change reads in Korean too.
            await app.BookAsync(await app.CreateUserAsync("Hana Yoon"), roomId, Today, "10:00");
            await Expect(cell).ToHaveAttributeAsync("data-state", "Booked");
            await Expect(cell).ToHaveAttributeAsync("aria-label", $"{room}, 10:00–11:50: 예약됨");
            await Expect(board.Locator("[data-testid=next-opening]")).ToContainTextAsync("2시간 5");

            await Expect(cell.Locator(".bcell__label")).ToHaveTextAsync("예약됨");
            await Expect(BoardCell(board, room, "13:00").Locator(".bcell__label")).ToHaveTextAsync("13:00 오픈");
            var chrome = await board.Locator(".board").InnerTextAsync()
                + string.Join(" | ", await board.Locator(".bcell").EvaluateAllAsync<string[]>("cells => cells.map(c => c.getAttribute('aria-label'))"));
            foreach (var english in EnglishStates.Concat(["Next opening", "Floor", "Monday", "November", "Live", " in "]))
                Assert.DoesNotContain(english, chrome);
            await BrowserApp.ScreenshotAsync(board, "board-ko");
            await board.Context.CloseAsync();
        }
        finally
        {
            app.Clock.Set(MeetingRoomFactory.DefaultNow);
            await app.DeleteRoomsAsync(roomId);
        }
    }

    [Fact]
    public async Task Board_shows_connection_lost_while_the_circuit_is_down_and_reloads_once_it_is_back()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var floor = Interlocked.Increment(ref _floor);
        var room = Unique("Beacon");
        var roomId = await app.CreateRoomAsync(room, floor, 4);
        try
        {
            var board = await OpenBoardAsync($"/board?floor={floor}");
            var banner = board.Locator("#components-reconnect-modal");
            await Expect(banner).ToBeHiddenAsync();
            await MarkAsync(board);

            // Cut the circuit and refuse reconnecting for a while (blazor.web.js renegotiates at /_blazor/negotiate).
            await board.RouteAsync(url => url.Contains("/_blazor/negotiate"), route => route.AbortAsync());
            await board.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");

            await Expect(banner).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("components-reconnect-show"));
            await Expect(banner).ToBeVisibleAsync();
            await Expect(banner).ToContainTextAsync("Connection lost — reconnecting…");
            await Expect(board.Locator("[data-testid=board-live]")).ToContainTextAsync("Offline");
            await BrowserApp.ScreenshotAsync(board, "board-connection-lost");

            // Let it through: the next attempt reconnects, and the board reloads for a fresh snapshot.
            await board.UnrouteAllAsync();
            await board.WaitForFunctionAsync("() => window.__boardMark === undefined", null, new() { Timeout = 30_000 });
            await BrowserApp.WaitInteractiveAsync(board);
            await Expect(BoardCell(board, room, "10:00")).ToHaveAttributeAsync("data-state", "Open");
            await Expect(board.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
            await board.Context.CloseAsync();
        }
        finally
        {
            await app.DeleteRoomsAsync(roomId);
        }
    }

    [Fact]
    public async Task Board_screenshots_at_full_hd_4k_and_portrait_tablet()
    {
        // Monday 10:05: 08:00 is over, 10:00 runs (booked, in meeting, free again, pending…), later ones open later.
        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T10:03:00+09:00"));
        var ids = new List<int>
        {
            await app.CreateRoomAsync("Harbor", 2, 4, false, "TV screen"),
            await app.CreateRoomAsync("Lighthouse", 2, 8, false, "Projector", "Whiteboard"),
            await app.CreateRoomAsync("Atlas", 2, 12, true, "Video conferencing"),
            await app.CreateRoomAsync("Summit", 3, 10, false, "Whiteboard"),
            await app.CreateRoomAsync("Orchard", 3, 6),
            await app.CreateRoomAsync("Studio", 3, 4),
            await app.CreateRoomAsync("Boardroom", 5, 16, true, "Video conferencing", "Projector"),
        };
        try
        {
            // one member per room: a member holds one room per period (the default booking limit)
            var minji = await app.CreateUserAsync("Minji Kim");
            var jisoo = await app.CreateUserAsync("Jisoo Park");
            var hana = await app.CreateUserAsync("Hana Lee");
            var yuna = await app.CreateUserAsync("Yuna Kang");
            var harbor = await app.BookAsync(minji, ids[0], Today, "10:00");
            await StartAsync(minji, harbor.Id);                              // Harbor: in meeting since 10:03
            await app.BookAsync(jisoo, ids[1], Today, "10:00");              // Lighthouse: booked
            await app.BookAsync(hana, ids[2], Today, "10:00");               // Atlas: pending approval
            var orchard = await app.BookAsync(yuna, ids[4], Today, "10:00");
            await StartAsync(yuna, orchard.Id);
            await EndAsync(yuna, orchard.Id);                                // Orchard: free again
            await OutOfServiceAsync(ids[5]);                                 // Studio: out of service
            app.Clock.Set(MeetingRoomFactory.DefaultNow);

            var board = await OpenBoardAsync(viewport: new ViewportSize { Width = 1920, Height = 1080 });
            await Expect(BoardCell(board, "Harbor", "10:00")).ToHaveAttributeAsync("data-state", "InMeeting");
            await Expect(BoardCell(board, "Harbor", "10:00").Locator("[data-testid=cell-detail]")).ToHaveTextAsync("since 10:03");
            await Expect(BoardCell(board, "Lighthouse", "10:00")).ToHaveAttributeAsync("data-state", "Booked");
            await Expect(BoardCell(board, "Atlas", "10:00")).ToHaveAttributeAsync("data-state", "PendingApproval");
            await Expect(BoardCell(board, "Orchard", "10:00")).ToHaveAttributeAsync("data-state", "FreeAgain");
            await Expect(BoardCell(board, "Studio", "10:00")).ToHaveAttributeAsync("data-state", "OutOfService");
            await Expect(BoardCell(board, "Summit", "08:00")).ToHaveAttributeAsync("data-state", "Closed");
            await Expect(board.Locator(".live-floor")).ToHaveCountAsync(3);
            await Expect(board.Locator(".board-legend__item")).ToHaveCountAsync(8);
            await Expect(board.Locator("[data-testid=board]")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex("Minji|Jisoo|Hana|Yuna"));
            await BrowserApp.ScreenshotAsync(board, "board-1920x1080");
            await AssertNoPageScrollAsync(board, horizontal: true);

            await board.SetViewportSizeAsync(3840, 2160);
            await BrowserApp.ScreenshotAsync(board, "board-3840x2160");
            await AssertNoPageScrollAsync(board, horizontal: true);
            var big = await FontSizeAsync(board, ".bcell__label");
            Assert.True(big >= 40, $"At 3840×2160 a cell label should be large, was {big}px.");

            await board.SetViewportSizeAsync(800, 1280);
            await BrowserApp.ScreenshotAsync(board, "board-tablet-800x1280");
            await AssertNoPageScrollAsync(board, horizontal: true); // the grid scrolls inside its floor, not the page
            await board.Context.CloseAsync();

            var floor3 = await OpenBoardAsync("/board?floor=3", new ViewportSize { Width = 1920, Height = 1080 });
            await Expect(floor3.Locator(".live-floor")).ToHaveCountAsync(1);
            await Expect(floor3.Locator("tr[data-room-row]")).ToHaveCountAsync(3);
            await BrowserApp.ScreenshotAsync(floor3, "board-floor-3");
            await floor3.Context.CloseAsync();
        }
        finally
        {
            app.Clock.Set(MeetingRoomFactory.DefaultNow);
            await app.DeleteRoomsAsync([.. ids]);
        }
    }

    [Fact]
    public async Task Board_needs_no_sign_in_and_has_no_app_navigation()
    {
        var board = await OpenBoardAsync();
        Assert.EndsWith("/board", board.Url);
        await Expect(board.Locator(".app-bar")).ToHaveCountAsync(0);
        await Expect(board.Locator("h1")).ToHaveTextAsync("Meeting rooms");
        await board.Context.CloseAsync();
    }

    private static async Task AssertNoPageScrollAsync(IPage page, bool horizontal)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (horizontal) Assert.True(overflow <= 1, $"The page scrolls sideways by {overflow}px.");
    }

    private static Task<double> FontSizeAsync(IPage page, string selector) =>
        page.Locator(selector).First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");

    private async Task<Actor> ActorAsync(IServiceProvider services, string email)
    {
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return Actor.Member(user.Id);
    }

    private async Task StartAsync(string email, Guid bookingId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<MeetingService>().StartAsync(await ActorAsync(scope.ServiceProvider, email), bookingId);
        Assert.True(result.IsOk, result.Problem?.Detail);
    }

    private async Task EndAsync(string email, Guid bookingId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<MeetingService>().EndAsync(await ActorAsync(scope.ServiceProvider, email), bookingId);
        Assert.True(result.IsOk, result.Problem?.Detail);
    }

    private async Task OutOfServiceAsync(int roomId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RoomService>().TakeOutOfServiceAsync(MeetingRoom.Domain.Common.Actor.Admin("board-test-admin"), roomId, "Renovation");
        Assert.True(result.IsOk, result.Problem?.Detail);
    }
}
