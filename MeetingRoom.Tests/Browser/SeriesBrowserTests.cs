using MeetingRoom.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>
/// The admins' Series page in a real browser (issue 22): an admin creates a weekly series, previews its occurrences, saves it,
/// and the wall board shows the occurrence with the series' title and badge. Needs the series service (part 1 of issue 22).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SeriesBrowserTests(BrowserApp app)
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..4]}";

    [Fact]
    public async Task Admin_creates_a_weekly_series_with_a_preview_and_sees_it_on_the_board()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow); // Monday 23 Nov 2026: the form starts the series tomorrow, Tuesday, weekly, 10 times
        const int floor = 37;
        var room = Unique("Series room");
        var title = Unique("Standup");
        await app.CreateRoomAsync(room, floor);
        var page = await app.SignInAsync(await app.CreateUserAsync("Series Admin", admin: true), "/admin/series");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Recurring series");
        await Expect(page.Locator("nav[aria-label=Main]")).ToContainTextAsync("Series");

        await page.ClickAsync("[data-action=new-series]");
        var form = page.Locator("[data-testid=series-form]");
        await form.Locator("[data-testid=series-room]").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText($"{room} (floor {floor})", new() { Exact = true }).ClickAsync();
        await form.Locator("#series-title").FillAsync(title);
        await Expect(form.Locator("[data-action=save-series]")).ToBeDisabledAsync(); // preview first

        await form.Locator("[data-action=preview-series]").ClickAsync();
        var preview = page.Locator("[data-testid=series-preview]");
        await Expect(preview.Locator("[data-testid=preview-total]")).ToHaveTextAsync("10 occurrences");
        await Expect(preview.Locator("[data-testid=preview-free]")).ToHaveTextAsync("10 free");
        await Expect(preview.Locator("[data-testid=occurrence]").First).ToHaveAttributeAsync("data-date", "2026-11-24");
        await Expect(preview.Locator("[data-testid=occurrence]").Nth(1)).ToHaveAttributeAsync("data-date", "2026-12-01");
        var axe = await AxeScan.SeriousAsync(page, "series-preview");
        Assert.True(axe.Count == 0, string.Join("\n", axe));

        await form.Locator("[data-action=save-series]").ClickAsync();
        await Expect(BrowserApp.Snackbar(page, title)).ToBeVisibleAsync();
        var detail = page.Locator("[data-testid=series-detail]");
        await Expect(detail).ToHaveAttributeAsync("data-state", "Active");
        await Expect(detail.Locator("[data-testid=occurrence][data-state=Reserved]")).ToHaveCountAsync(10);
        await BrowserApp.ScreenshotAsync(page, "admin-series");

        var board = await app.OpenBoardAsync($"/board?floor={floor}&date=2026-12-01");
        var cell = board.Locator($".bcell[data-room=\"{room}\"][data-start=\"08:00\"]");
        await Expect(cell).ToHaveAttributeAsync("data-state", "Booked");
        await Expect(cell).ToContainTextAsync(title);
        await Expect(cell.Locator("[data-testid=series-badge]")).ToBeVisibleAsync();

        await board.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
