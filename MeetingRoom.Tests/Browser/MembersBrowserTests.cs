using System.Text;
using MeetingRoom.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>
/// Member administration (<c>/admin/members</c>, P1) in a real browser: search, the row's actions, a member's bookings,
/// the CSV preview with its per-line errors (Import off while any line is bad), the export link, no sideways scroll at
/// 390 px, and axe (no serious or critical violation) on the page and each dialog. Inviting someone (the link shown
/// when no SMTP server is configured) goes through the invitations part.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MembersBrowserTests(BrowserApp app)
{
    private static readonly DateOnly Today = DateOnly.Parse(MeetingRoomFactory.Today);
    private static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static string Token() => "b" + Guid.NewGuid().ToString("N")[..6];

    private static async Task<IReadOnlyList<string>> ScanAsync(IPage page, string name)
    {
        await BrowserApp.ScreenshotAsync(page, name);
        return await AxeScan.SeriousAsync(page, name);
    }

    private static void AssertNone(List<string> violations) =>
        Assert.True(violations.Count == 0, "Serious or critical accessibility violations:\n" + string.Join("\n", violations));

    private static Task<int> SidewaysScrollAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>
    /// Types a search and lets its debounce pass: MudBlazor's debounce runs on the app's TimeProvider, the test clock,
    /// so the test moves it (a little at a time, until the page has taken the search: the export link carries it).
    /// </summary>
    private async Task SearchAsync(IPage page, string text)
    {
        await page.Locator("#member-search").FillAsync(text);
        var export = page.Locator("[data-testid=export-members]");
        for (var i = 0; i < 100 && await export.GetAttributeAsync("href") is { } href && !href.Contains("search="); i++)
        {
            app.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(50);
        }
        await Expect(export).ToHaveAttributeAsync("href", "/api/admin/members/export?search=" + Uri.EscapeDataString(text));
        await Expect(page.Locator("[data-member]").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_searches_looks_at_bookings_previews_a_csv_and_every_view_is_accessible()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var t = Token();
        await MemberSeeder.SeedAsync(app.Services, [
            new($"alpha.{t}@corp.example", $"Alpha {t}"),
            new($"beta.{t}@corp.example", $"Beta {t}", MeetingRoom.Domain.Members.MemberStatus.Invited, WithPassword: false),
        ]);
        var booker = await app.CreateUserAsync($"Gamma {t}");
        await app.BookAsync(booker, await app.CreateRoomAsync($"Room {t}", 51), Today, "10:00");
        var violations = new List<string>();

        var page = await app.SignInAsync(await app.CreateUserAsync($"Admin {t}", admin: true), "/admin/members", Desktop);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Members");
        await Expect(page.Locator("nav[aria-label=Main]")).ToContainTextAsync("Members");
        await SearchAsync(page, t);
        await Expect(page.Locator("[data-member]")).ToHaveCountAsync(4); // the admin's name has the token too
        await Expect(page.Locator($"tr:has([data-member=\"beta.{t}@corp.example\"]) [data-status]")).ToHaveTextAsync("Invited");
        await BrowserApp.ScreenshotAsync(page, "admin-members-1440"); // scanned below with each dialog open (axe reads the whole page)

        // The row's actions: an invited member can get the invitation again; the admin cannot deactivate themselves.
        // The row's actions, by keyboard: Enter opens the menu, the arrows move through it, Escape closes it.
        await page.Locator($"tr:has([data-member=\"beta.{t}@corp.example\"]) [data-testid=member-actions] button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-popover-open [data-action=resend]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML ?? ''");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".mud-popover-open [data-action=resend]")).ToHaveCountAsync(0, new() { Timeout = 3000 }).ContinueWith(t2 =>
        {
            if (t2.IsFaulted) throw new Exception("Escape did not close the menu; focused after ArrowDown: " + focused, t2.Exception);
        });

        // A member's upcoming bookings.
        var gamma = page.Locator("tr").Filter(new() { HasText = $"Gamma {t}" });
        await gamma.Locator("[data-testid=member-bookings]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator("[data-testid=member-bookings-list]")).ToContainTextAsync($"Room {t}");
        violations.AddRange(await ScanAsync(page, "dialog-member-bookings"));
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        // The CSV preview: one good line, one already a member, one bad email; Import stays off.
        await page.ClickAsync("[data-testid=import-members]");
        await Expect(dialog.Locator("#import-file")).ToBeAttachedAsync();
        var csv = $"name,email,role\r\nDelta {t},delta.{t}@corp.example,Member\r\nAgain {t},alpha.{t}@corp.example,Member\r\nBroken {t},not-an-email,Admin\r\n";
        await dialog.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "members.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Expect(dialog.Locator("[data-testid=import-summary]")).ToContainTextAsync("2 of 3 lines have errors");
        await Expect(dialog.Locator("tr[data-line=\"3\"] [data-code=already-member]")).ToBeVisibleAsync();
        await Expect(dialog.Locator("tr[data-line=\"4\"] [data-code=email-invalid]")).ToBeVisibleAsync();
        await Expect(dialog.Locator("[data-testid=import-run]")).ToBeDisabledAsync();
        violations.AddRange(await ScanAsync(page, "dialog-import-members"));
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // A phone: the page does not scroll sideways (the grid scrolls in its own box).
        var phone = await app.SignInAsync(await app.CreateUserAsync($"Phone Admin {t}", admin: true), "/admin/members", Phone);
        await SearchAsync(phone, t);
        Assert.True(await SidewaysScrollAsync(phone) <= 0, "The members page scrolls sideways at 390 px.");
        violations.AddRange(await ScanAsync(phone, "admin-members-390"));
        await phone.Context.CloseAsync();

        AssertNone(violations);
    }

    [Fact]
    public async Task Admin_invites_someone_and_gets_the_link_to_pass_on_when_no_email_is_sent()
    {
        // Needs the invitations part (InvitationService.InviteAsync).
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var t = Token();
        var violations = new List<string>();
        var page = await app.SignInAsync(await app.CreateUserAsync($"Inviter {t}", admin: true), "/admin/members", Desktop);
        var dialog = page.Locator(".mud-dialog");

        await page.ClickAsync("[data-testid=invite-member]");
        await Expect(dialog.Locator("#invite-email")).ToBeVisibleAsync();
        await dialog.Locator("#invite-email").FillAsync("not-an-email");
        await dialog.Locator("[data-testid=invite-send]").ClickAsync();
        await Expect(dialog.Locator("[data-field-error=email]")).ToContainTextAsync("Not a valid email address");
        await Expect(dialog.Locator("[data-field-error=name]")).ToContainTextAsync("Give a name.");
        violations.AddRange(await ScanAsync(page, "dialog-invite-member"));

        await dialog.Locator("#invite-email").FillAsync($"newcomer.{t}@corp.example");
        await dialog.Locator("#invite-name").FillAsync($"Newcomer {t}");
        await dialog.Locator("[data-testid=invite-send]").ClickAsync();

        var link = dialog.Locator("#invitation-link");
        await Expect(link).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^https?://"));
        violations.AddRange(await ScanAsync(page, "dialog-invitation-link"));
        await dialog.Locator("[data-testid=link-done]").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await SearchAsync(page, $"newcomer.{t}");
        await Expect(page.Locator($"tr:has([data-member=\"newcomer.{t}@corp.example\"]) [data-status]")).ToHaveTextAsync("Invited");
        await page.Context.CloseAsync();
        AssertNone(violations);
    }
}
