using MeetingRoom.Tests.Support;
using BoardPage = MeetingRoom.Web.Features.Schedule.Pages.Board;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>The app with its demo data (3 floors × 4 rooms) and nothing else, for the wall display's fit.</summary>
public sealed class DemoBrowserApp : BrowserApp
{
    protected override IEnumerable<string> Settings => ["--Demo:Enabled=true", $"--Demo:Password={Password}", "--Demo:Members=2"];
}

/// <summary>
/// The wall display fits its wall: every room is on screen without scrolling when they fit (the 12 demo rooms at
/// 1920×1080); when they do not (40 rooms), it shows as many floors as fit, turns the page by itself on the clock,
/// shows which page it is on, and every room appears on some page — landscape and portrait. A wall never scrolls.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardFitTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    private static readonly ViewportSize FullHd = new() { Width = 1920, Height = 1080 };
    private static readonly ViewportSize Portrait = new() { Width = 1080, Height = 1920 };

    /// <summary>Opens the board in English (the demo site's default language is Korean; the Korean fit has its own test).</summary>
    private Task<IPage> OpenBoardAsync(ViewportSize viewport) => app.OpenBoardAsync("/board?lang=en", viewport);

    /// <summary>The rooms shown now; fails when one of them is (partly) off screen or the page can scroll.</summary>
    private static async Task<List<string>> ShownRoomsAsync(IPage page, ViewportSize viewport)
    {
        var scroll = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollHeight - innerHeight, document.documentElement.scrollWidth - innerWidth]");
        Assert.True(scroll[0] <= 0 && scroll[1] <= 0, $"The wall display scrolls ({scroll[0]}px down, {scroll[1]}px across).");
        var rows = page.Locator("tr[data-room-row]");
        var names = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            var box = await row.BoundingBoxAsync();
            var name = (await row.GetAttributeAsync("data-room-row"))!;
            Assert.True(box is not null && box.Y >= 0 && box.Y + box.Height <= viewport.Height, $"{name} is not wholly on screen ({box?.Y}+{box?.Height}).");
            names.Add(name);
        }
        return names;
    }

    [Fact]
    public async Task Twelve_demo_rooms_all_fit_a_full_hd_wall_and_it_never_scrolls()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var rooms = (await app.ScheduleAsync(DateOnly.Parse(MeetingRoomFactory.Today))).Rooms;
        Assert.Equal(12, rooms.Count);
        var board = await OpenBoardAsync(FullHd);
        await Expect(board.Locator("tr[data-room-row]")).ToHaveCountAsync(12);

        var shown = await ShownRoomsAsync(board, FullHd);

        Assert.Equal(rooms.Select(r => r.Name).Order(), shown.Order());
        await Expect(board.Locator("[data-testid=board-page]")).ToHaveCountAsync(0); // one page: no indicator
        await BrowserApp.ScreenshotAsync(board, "board-demo-1920x1080");
        await board.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ko")]
    [InlineData("en")]
    public async Task Twelve_demo_rooms_fit_a_full_hd_wall_in_each_language(string lang)
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var rooms = (await app.ScheduleAsync(DateOnly.Parse(MeetingRoomFactory.Today))).Rooms;
        var board = await app.OpenBoardAsync($"/board?lang={lang}", FullHd);
        await Expect(board.Locator("h1")).ToHaveTextAsync(lang == "ko" ? "회의실" : "Meeting rooms");
        await Expect(board.Locator("tr[data-room-row]")).ToHaveCountAsync(rooms.Count);

        var shown = await ShownRoomsAsync(board, FullHd);

        Assert.Equal(rooms.Select(r => r.Name).Order(), shown.Order());
        await Expect(board.Locator("[data-testid=board-page]")).ToHaveCountAsync(0); // one page: no indicator
        var overflowing = await board.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.bcell, .board-legend__item, .board-head, .live-period')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.className)");
        Assert.Empty(overflowing); // no text spills out of its box
        await BrowserApp.ScreenshotAsync(board, $"board-demo-1920x1080-{lang}");
        await board.Context.CloseAsync();
    }

    [Fact]
    public async Task Forty_rooms_turn_pages_and_every_room_is_shown_landscape_and_portrait()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var added = new List<int>();
        for (var floor = 4; floor <= 10; floor++)
            for (var n = 1; n <= 4; n++)
                added.Add(await app.CreateRoomAsync($"Room {floor}0{n}", floor, 6));
        try
        {
            var all = (await app.ScheduleAsync(DateOnly.Parse(MeetingRoomFactory.Today))).Rooms.Select(r => r.Name).Order().ToList();
            Assert.Equal(40, all.Count);
            foreach (var (viewport, name) in new[] { (FullHd, "1920x1080"), (Portrait, "1080x1920") })
            {
                var board = await OpenBoardAsync(viewport);
                var indicator = board.Locator("[data-testid=board-page]");
                await Expect(indicator).ToHaveAttributeAsync("data-page", "1");
                var pages = int.Parse((await indicator.GetAttributeAsync("data-pages"))!);
                Assert.InRange(pages, 2, 40);
                var seen = new List<string>();
                for (var page = 1; page <= pages; page++)
                {
                    await Expect(indicator).ToHaveAttributeAsync("data-page", page.ToString());
                    await Expect(indicator).ToHaveAttributeAsync("aria-label", $"Page {page} of {pages}");
                    seen.AddRange(await ShownRoomsAsync(board, viewport));
                    await BrowserApp.ScreenshotAsync(board, $"board-40-rooms-{name}-page-{page}");
                    app.Clock.Advance(TimeSpan.FromSeconds(BoardPage.PageSeconds)); // the page turns by itself on the clock
                }
                Assert.Equal(all, seen.Order());
                await Expect(indicator).ToHaveAttributeAsync("data-page", "1"); // and starts over
                await board.Context.CloseAsync();
            }
        }
        finally
        {
            await app.DeleteRoomsAsync([.. added]);
        }
    }
}
