using MeetingRoom.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>
/// WCAG 2.1 AA (N7) in a real browser: axe finds no violation of serious or critical impact on any page —
/// signed out, member, admin, the wall display — nor with any dialog open, at desktop and phone sizes.
/// Each page is also saved as a screenshot under TestResults/screenshots for a reviewer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    private static readonly DateOnly Today = DateOnly.Parse(MeetingRoomFactory.Today);
    private static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..4]}";

    /// <summary>Scans and screenshots <paramref name="page"/> as it is now, at its current size.</summary>
    private static async Task<IReadOnlyList<string>> ScanAsync(IPage page, string name)
    {
        await BrowserApp.ScreenshotAsync(page, name);
        return await AxeScan.SeriousAsync(page, name);
    }

    private static void AssertNone(List<string> violations) =>
        Assert.True(violations.Count == 0, "Serious or critical accessibility violations:\n" + string.Join("\n", violations));

    [Fact]
    public async Task Signed_out_pages_have_no_serious_violations()
    {
        var violations = new List<string>();
        foreach (var (size, suffix) in new[] { (Desktop, "1440"), (Phone, "390") })
        {
            var context = await app.NewContextAsync(size);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            violations.AddRange(await ScanAsync(page, $"login-{suffix}"));
            await page.FillAsync("#email", "nobody@browser.test");
            await page.FillAsync("#password", "wrong-password");
            await page.ClickAsync("[data-testid=sign-in]");
            await Expect(page.Locator("[role=alert]")).ToContainTextAsync("Wrong email or password.");
            violations.AddRange(await ScanAsync(page, $"login-error-{suffix}"));
            await page.GotoAsync("/Account/AccessDenied");
            violations.AddRange(await ScanAsync(page, $"access-denied-{suffix}"));
            await context.CloseAsync();
        }
        AssertNone(violations);
    }

    [Fact]
    public async Task Member_pages_have_no_serious_violations()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var roomId = await app.CreateRoomAsync(Unique("Harbor"), 41, 6, false, "Whiteboard");
        var email = await app.CreateUserAsync("Minji Kim");
        await app.BookAsync(email, roomId, Today, "10:00");
        var violations = new List<string>();
        foreach (var (size, suffix) in new[] { (Desktop, "1440"), (Phone, "390") })
        {
            var page = await app.SignInAsync(email, "/", size);
            await Expect(page.Locator(".slot").First).ToBeVisibleAsync();
            violations.AddRange(await ScanAsync(page, $"book-{suffix}"));
            foreach (var (path, name) in new[] { ("/my-bookings", "my-bookings"), ("/notifications", "notifications"), ("/no-such-page", "not-found") })
            {
                await page.GotoAsync(path);
                await BrowserApp.WaitInteractiveAsync(page);
                await Expect(page.Locator("h1")).ToBeVisibleAsync();
                violations.AddRange(await ScanAsync(page, $"{name}-{suffix}"));
            }
            await page.GotoAsync("/admin/rooms"); // a member on an admin page
            await page.WaitForURLAsync(url => url.Contains("/Account/AccessDenied"));
            violations.AddRange(await ScanAsync(page, $"member-on-admin-page-{suffix}"));
            await page.Context.CloseAsync();
        }
        AssertNone(violations);
    }

    [Fact]
    public async Task Admin_pages_have_no_serious_violations()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var roomId = await app.CreateRoomAsync(Unique("Atlas"), 42, 12, true, "Projector", "Video conferencing");
        await app.BookAsync(await app.CreateUserAsync("Yuna Kang"), roomId, Today, "10:00"); // pending approval
        var admin = await app.CreateUserAsync("Ops Admin", admin: true);
        var violations = new List<string>();
        foreach (var (size, suffix) in new[] { (Desktop, "1440"), (Phone, "390") })
        {
            var page = await app.SignInAsync(admin, "/admin/rooms", size);
            foreach (var (path, name) in new[] { ("/admin/rooms", "admin-rooms"), ("/admin/equipment", "admin-equipment"),
                         ("/admin/approvals", "admin-approvals"), ("/admin/settings", "admin-settings") })
            {
                await page.GotoAsync(path);
                await BrowserApp.WaitInteractiveAsync(page);
                await Expect(page.Locator("[data-testid=loading]")).ToHaveCountAsync(0);
                violations.AddRange(await ScanAsync(page, $"{name}-{suffix}"));
            }
            await page.Context.CloseAsync();
        }
        AssertNone(violations);
    }

    [Fact]
    public async Task Dialogs_have_no_serious_violations()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = Unique("Cedar");
        var roomId = await app.CreateRoomAsync(room, 43, 8, false, "Projector");
        var pendingRoom = Unique("Boardroom");
        var pendingId = await app.CreateRoomAsync(pendingRoom, 43, 16, true);
        var memberEmail = await app.CreateUserAsync("Lucas Martin");
        await app.BookAsync(memberEmail, roomId, Today, "10:00");
        var pending = await app.BookAsync(await app.CreateUserAsync("Yuna Kang"), pendingId, Today, "10:00");
        var violations = new List<string>();

        var admin = await app.SignInAsync(await app.CreateUserAsync("Ops Admin", admin: true), "/admin/rooms", Desktop);
        var dialog = admin.Locator(".mud-dialog");
        await admin.ClickAsync("[data-testid=register-room]");
        await Expect(dialog.Locator("#room-name")).ToBeVisibleAsync();
        await dialog.Locator("[data-testid=room-save]").ClickAsync(); // with its field errors showing
        await Expect(dialog.Locator("[data-field-error=name]")).ToBeVisibleAsync();
        violations.AddRange(await ScanAsync(admin, "dialog-register-room"));
        await admin.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        var row = admin.Locator($"tr:has([data-room=\"{room}\"])");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {room}" }).ClickAsync();
        await Expect(dialog.Locator("#room-name")).ToHaveValueAsync(room);
        violations.AddRange(await ScanAsync(admin, "dialog-edit-room"));
        await admin.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Take {room} out of service" }).ClickAsync();
        await Expect(dialog.Locator("textarea")).ToBeVisibleAsync();
        violations.AddRange(await ScanAsync(admin, "dialog-out-of-service"));
        await admin.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {room}" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("Delete room?");
        violations.AddRange(await ScanAsync(admin, "dialog-delete-room"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await admin.GotoAsync("/admin/approvals");
        await BrowserApp.WaitInteractiveAsync(admin);
        await admin.Locator($"tr:has([data-booking-id=\"{pending.Id}\"])").GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();
        await Expect(dialog.Locator("textarea")).ToBeVisibleAsync();
        violations.AddRange(await ScanAsync(admin, "dialog-deny"));
        await admin.Context.CloseAsync();

        var member = await app.SignInAsync(memberEmail, "/my-bookings", Desktop);
        await member.Locator($"[data-testid=upcoming] .booking-row[data-room=\"{room}\"] button[data-action=cancel]").ClickAsync();
        await Expect(member.Locator(".mud-dialog")).ToContainTextAsync("Cancel booking?");
        violations.AddRange(await ScanAsync(member, "dialog-cancel-booking"));
        await member.Context.CloseAsync();
        AssertNone(violations);
    }

    [Fact]
    public async Task Wall_display_has_no_serious_violations()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var board = await app.OpenBoardAsync(viewport: new ViewportSize { Width = 1920, Height = 1080 });

        var violations = (await ScanAsync(board, "board-1920x1080")).ToList();

        await board.Context.CloseAsync();
        AssertNone(violations);
    }
}
