using MeetingRoom.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>
/// <c>/admin/insights</c> (issue 23) in a real browser: the admin reaches it from the menu, the charts are drawn (SVG,
/// no script of their own), the CSV downloads, axe finds nothing serious, and at 390 px nothing scrolls sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InsightsBrowserTests(BrowserApp app)
{
    private static readonly DateOnly Today = DateOnly.Parse(MeetingRoomFactory.Today);
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>The outermost elements that reach past the viewport's right edge (tag.class, left–right), for a failure message.</summary>
    private const string WidestScript = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                && !(e.parentElement && e.parentElement.getBoundingClientRect().right > document.documentElement.clientWidth + 1))
            .slice(0, 12).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().left)}–${Math.round(e.getBoundingClientRect().right)} px)`)
        """;

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..4]}";

    [Fact]
    public async Task Admin_sees_the_insights_charts_and_downloads_a_csv()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = Unique("Lumen");
        var roomId = await app.CreateRoomAsync(room, 43, 8);
        await app.BookAsync(await app.CreateUserAsync("Insight Member"), roomId, Today, "10:00");
        var admin = await app.CreateUserAsync("Insight Admin", admin: true);
        var page = await app.SignInAsync(admin, "/admin/approvals");

        await page.Locator("nav[aria-label=Main]").GetByRole(AriaRole.Link, new() { Name = "Insights" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Insights");
        var rooms = page.Locator("section[data-section=rooms]");
        await Expect(rooms.Locator(".insights-chart svg").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("section[data-section=heatmap] .insights-chart svg").First).ToBeVisibleAsync();
        await Expect(rooms.Locator($"tr[data-room=\"{roomId}\"]")).ToContainTextAsync(room);
        await Expect(rooms.Locator("a[data-export=rooms]")).ToHaveAttributeAsync("href",
            $"/api/admin/insights/export?table=rooms&from={Today.AddDays(-29):yyyy-MM-dd}&to={Today:yyyy-MM-dd}");

        var download = await page.RunAndWaitForDownloadAsync(() => rooms.Locator("a[data-export=rooms]").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(room, csv);

        var violations = new List<string>(await AxeScan.SeriousAsync(page, "insights-1360"));
        await BrowserApp.ScreenshotAsync(page, "admin-insights");

        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Expect(rooms.Locator(".insights-chart svg").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "admin-insights-390");
        var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (sideways > 0)
        {
            var wide = await page.EvaluateAsync<string[]>(WidestScript);
            Assert.Fail($"The page scrolls sideways by {sideways} px at 390 px; too wide: {string.Join(", ", wide)}");
        }
        violations.AddRange(await AxeScan.SeriousAsync(page, "insights-390"));
        Assert.True(violations.Count == 0, "Serious or critical accessibility violations:\n" + string.Join("\n", violations));

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_is_shown_next_to_the_field()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var page = await app.SignInAsync(await app.CreateUserAsync("Range Admin", admin: true), "/admin/insights");
        await Expect(page.Locator("[data-testid=insights]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var from = page.Locator("[data-field=from] input");
        await from.FillAsync($"{Today.AddDays(5):yyyy-MM-dd}");
        await from.PressAsync("Tab");
        await page.Locator("[data-testid=insights-apply]").ClickAsync();

        await Expect(page.Locator("[data-field-error=from], [data-field-error=to], [data-testid=filter-problem]").First).ToBeVisibleAsync();

        await page.Context.CloseAsync();
    }
}
