using MeetingRoom.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>
/// A member on a 390 × 844 phone, in Korean and in English (issue 25): the Book page is a list of one period at a time, Book
/// pressed 5 s before an opening gets the slot at the instant, "find a room now" lists the free rooms best fit first, shows
/// a room the moment a no-show frees it, and books it in one tap. The filters and the attendees fold behind one toggle, so the
/// rooms start on the first screen. No button's text wraps, nothing scrolls sideways, axe finds nothing serious.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneBookingBrowserTests(BrowserApp app)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static int _floor = 280; // floors of their own

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..4]}";

    private static ILocator Cell(IPage page, string room, string start) =>
        page.Locator($".room-card .slot[data-room=\"{room}\"][data-start=\"{start}\"]");

    private static ILocator Card(ILocator within, string room) => within.Locator($".room-card[data-room-card=\"{room}\"]");

    /// <summary>The page fits the phone: no button text on two lines or more, no sideways scroll, no serious axe violation.</summary>
    private static async Task FitsThePhoneAsync(IPage page, string name)
    {
        var wrapped = await BrowserApp.WrappedButtonTextsAsync(page);
        Assert.True(wrapped.Length == 0, $"{name}: button text wraps: {string.Join(", ", wrapped)}");
        Assert.True(await BrowserApp.SidewaysScrollAsync(page) <= 0, $"{name} scrolls sideways.");
        var axe = await AxeScan.SeriousAsync(page, name);
        Assert.True(axe.Count == 0, string.Join("\n", axe));
        await BrowserApp.ScreenshotAsync(page, name);
    }

    [Theory]
    [InlineData("ko", "예약하기", "13:00 오픈", "0:15 후", "0:05 후")]
    [InlineData("en", "Book", "Opens 13:00", "in 0:15", "in 0:05")]
    public async Task On_a_phone_Book_pressed_5_s_before_the_opening_gets_the_slot_at_the_instant(string language, string book, string opens,
        string in15, string in5)
    {
        var fifteenSecondsBefore = DateTimeOffset.Parse("2026-11-23T12:59:45+09:00");
        app.Clock.Set(fifteenSecondsBefore);
        var room = Unique("Summit with a long name");
        var roomId = await app.CreateRoomAsync(room, Interlocked.Increment(ref _floor), 10, false, "Video conferencing", "Whiteboard");
        try
        {
            var page = await app.SignInAsync(await app.CreateUserAsync("Sora Choi"), "/", Phone, language);
            await Expect(page.Locator("[data-testid=schedule-list]")).ToBeVisibleAsync(); // a list on a phone, not the table
            await Expect(page.Locator(".live-table")).ToHaveCountAsync(0);
            await Expect(page.Locator("[role=tab][aria-selected=true]")).ToHaveAttributeAsync("data-period", "13:00"); // the next period
            await Expect(page.Locator("[data-testid=next-opening]")).ToContainTextAsync(in15);
            var cell = Cell(page, room, "13:00");
            await Expect(cell.Locator(".slot__label")).ToHaveTextAsync(opens);
            await Expect(cell.Locator("button[data-action=book]")).ToHaveCountAsync(0); // more than 10 s before: not yet

            app.Clock.Set(fifteenSecondsBefore.AddSeconds(10)); // 12:59:55
            await Expect(cell.Locator("[data-testid=cell-detail]")).ToHaveTextAsync(in5);
            var button = cell.Locator("button[data-action=book]");
            await Expect(button).ToHaveTextAsync(book);
            await FitsThePhoneAsync(page, $"book-list-{language}-390");
            await button.ClickAsync(); // 5 s early: the request waits in line for the instant
            await Expect(cell).ToHaveAttributeAsync("data-state", "NotYetOpen");

            app.Clock.Set(fifteenSecondsBefore.AddSeconds(16)); // 13:00:01
            await Expect(cell).ToHaveAttributeAsync("data-state", "Booked");

            // The keyboard moves between periods as between tabs.
            await page.Locator("[role=tab][aria-selected=true]").FocusAsync();
            await page.Keyboard.PressAsync("ArrowLeft");
            await Expect(page.Locator("[role=tab][aria-selected=true]")).ToHaveAttributeAsync("data-period", "10:00");
            await Expect(page.Locator("[role=tab][data-period=\"10:00\"]")).ToBeFocusedAsync();
            await Expect(Cell(page, room, "10:00")).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }
        finally
        {
            await app.DeleteRoomsAsync(roomId);
        }
    }

    [Theory]
    [InlineData("ko", "지금 빈 회의실 찾기", "예약 완료")]
    [InlineData("en", "Find a room now", "Booked")]
    public async Task On_a_phone_a_member_finds_a_room_now_sees_a_no_show_s_room_appear_and_books_it(string language, string title, string booked)
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow); // Monday 10:05 in Seoul: 10:00–11:50 is under way
        var floor = Interlocked.Increment(ref _floor);
        var (big, small, held) = (Unique("Atrium"), Unique("Nook"), Unique("Booth"));
        var ids = new[]
        {
            await app.CreateRoomAsync(big, floor, 12, false, "Video conferencing"),
            await app.CreateRoomAsync(small, floor, 4, false, "Whiteboard"),
            await app.CreateRoomAsync(held, floor, 4),
        };
        try
        {
            await app.BookAsync(await app.CreateUserAsync("Ji-ho Park"), ids[2], DateOnly.Parse(MeetingRoomFactory.Today), "10:00");
            var page = await app.SignInAsync(await app.CreateUserAsync("Hana Lee"), "/", Phone, language);
            await page.Locator("[data-testid=find-now]").ClickAsync(); // one tap from the Book page
            await page.WaitForURLAsync(url => url.EndsWith("/now"));
            await Expect(page.Locator("h1")).ToHaveTextAsync(title);
            var now = page.Locator("section[data-under-way=true]");
            await Expect(now).ToHaveAttributeAsync("data-period", "10:00");
            await Expect(Card(now, small)).ToBeVisibleAsync();
            await Expect(Card(now, held)).ToHaveCountAsync(0); // booked: not free
            var order = await now.Locator(".room-card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.roomCard)");
            Assert.True(Array.IndexOf(order, small) < Array.IndexOf(order, big), $"The smaller room fits better: {string.Join(", ", order)}");
            await FitsThePhoneAsync(page, $"now-{language}-390");

            app.Clock.Set(MeetingRoomFactory.DefaultNow.AddMinutes(11)); // 10:16: nobody checked in by 10:15, the slot is released
            await Expect(Card(now, held)).ToBeVisibleAsync(); // pushed: no reload

            await Card(now, small).Locator("button[data-action=book]").ClickAsync();
            await Expect(BrowserApp.Snackbar(page, booked)).ToBeVisibleAsync();
            await Expect(Card(now, small)).ToHaveCountAsync(0); // now the member's: no longer free
            await page.Context.CloseAsync();
        }
        finally
        {
            await app.DeleteRoomsAsync(ids);
        }
    }

    [Theory]
    [InlineData("ko", "필터와 참석 인원 (1)")]
    [InlineData("en", "Filters and attendees (1)")]
    public async Task On_a_phone_the_filters_fold_away_so_the_rooms_show_on_the_first_screen(string language, string oneSet)
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var floor = Interlocked.Increment(ref _floor);
        var (large, small) = (Unique("Hall"), Unique("Pod"));
        var ids = new[] { await app.CreateRoomAsync(large, floor, 12), await app.CreateRoomAsync(small, floor, 4) };
        try
        {
            var page = await app.SignInAsync(await app.CreateUserAsync("Min-jun Kim"), "/", Phone, language);
            var toggle = page.Locator("[data-testid=options-toggle]");
            var capacity = page.Locator("#filter-capacity");
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
            await Expect(capacity).ToBeHiddenAsync();
            var card = await page.Locator(".room-card").First.BoundingBoxAsync();
            Assert.True(card is not null && card.Y + card.Height <= Phone.Height, $"The first room card ends at {card?.Y + card?.Height} px, below the first screen.");

            await toggle.ClickAsync();
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
            await capacity.FillAsync("10");
            await capacity.PressAsync("Tab");
            await Expect(page.Locator($".room-card[data-room-card=\"{small}\"]")).ToHaveCountAsync(0);
            await Expect(page.Locator($".room-card[data-room-card=\"{large}\"]")).ToBeVisibleAsync();

            await toggle.ClickAsync(); // folded again: the filter still applies, and the toggle says one is set
            await Expect(capacity).ToBeHiddenAsync();
            await Expect(toggle).ToHaveTextAsync(oneSet);
            await Expect(page.Locator($".room-card[data-room-card=\"{small}\"]")).ToHaveCountAsync(0);
            await FitsThePhoneAsync(page, $"book-options-{language}-390");
            await page.Context.CloseAsync();
        }
        finally
        {
            await app.DeleteRoomsAsync(ids);
        }
    }
}
