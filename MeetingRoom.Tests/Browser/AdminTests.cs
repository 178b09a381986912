using MeetingRoom.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>Admins in a real browser: register a room (validation next to the fields), approvals, settings; and screenshots.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserApp app)
{
    private static readonly DateOnly Today = DateOnly.Parse(MeetingRoomFactory.Today);

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..4]}";

    [Fact]
    public async Task Admin_registers_a_room_and_a_member_then_sees_it_on_the_book_page()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = Unique("Nova");
        var existing = Unique("Orbit");
        await app.CreateRoomAsync(existing, 21, 4);
        var page = await app.SignInAsync(await app.CreateUserAsync("Ops Admin", admin: true), "/admin/rooms");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Rooms");
        await Expect(page.Locator("nav[aria-label=Main]")).ToContainTextAsync("Approvals");

        await page.ClickAsync("[data-testid=register-room]");
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator("#room-name")).ToBeVisibleAsync(); // the dialog has opened
        await dialog.Locator("[data-testid=room-save]").ClickAsync();
        // Every rule broken at once is reported next to its field.
        await Expect(dialog.Locator("[data-field-error=name]")).ToContainTextAsync("The room needs a name.");
        await Expect(dialog.Locator("[data-field-error=floor]")).ToContainTextAsync("Give the floor.");
        await Expect(dialog.Locator("[data-field-error=capacity]")).ToContainTextAsync("Give the capacity");

        await dialog.Locator("#room-name").FillAsync(existing);
        await dialog.Locator("#room-floor").FillAsync("21");
        await dialog.Locator("#room-capacity").FillAsync("0");
        await dialog.Locator("[data-testid=room-save]").ClickAsync();
        await Expect(dialog.Locator("[data-field-error=capacity]")).ToContainTextAsync("Capacity must be at least 1 person.");

        await dialog.Locator("#room-capacity").FillAsync("8");
        await dialog.Locator("[data-testid=room-save]").ClickAsync();
        await Expect(dialog.Locator("[data-field-error=name]")).ToContainTextAsync("already exists");
        await Expect(dialog.Locator("[data-field-error=capacity]")).ToHaveCountAsync(0);

        await dialog.Locator("#room-name").FillAsync(room);
        await dialog.Locator("[data-testid=add-equipment]").ClickAsync();
        await dialog.Locator("[data-testid=equipment-name]").FillAsync("Projector");
        await dialog.Locator("[data-testid=room-save]").ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(BrowserApp.Snackbar(page, "Room registered")).ToBeVisibleAsync();
        var row = page.Locator($"tr:has([data-room=\"{room}\"])");
        await Expect(row).ToContainTextAsync("Projector");
        await Expect(row).ToContainTextAsync("In service");
        await BrowserApp.ScreenshotAsync(page, "admin-rooms");

        var member = await app.SignInAsync(await app.CreateUserAsync("Emma Schmidt"));
        await Expect(member.Locator($"tr[data-room-row=\"{room}\"]")).ToContainTextAsync("Projector");
        await Expect(member.Locator($".slot[data-room=\"{room}\"][data-start=\"10:00\"]")).ToHaveAttributeAsync("data-state", "Open");
        await Expect(member.Locator("nav[aria-label=Main]")).Not.ToContainTextAsync("Approvals");

        await member.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_takes_a_room_out_of_service_and_members_see_it()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = Unique("Cedar");
        await app.CreateRoomAsync(room, 22, 8);
        var page = await app.SignInAsync(await app.CreateUserAsync("Ops Admin", admin: true), "/admin/rooms");
        var row = page.Locator($"tr:has([data-room=\"{room}\"])");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Take {room} out of service" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("[data-testid=reason-ok]").ClickAsync();
        await Expect(dialog.Locator("[data-field-error=reason]")).ToContainTextAsync("Say why");
        await dialog.Locator("textarea").FillAsync("Water leak");
        await dialog.Locator("[data-testid=reason-ok]").ClickAsync();
        await Expect(row).ToContainTextAsync("Out of service");
        await Expect(row).ToContainTextAsync("Water leak");

        var member = await app.SignInAsync(await app.CreateUserAsync("Lucas Martin"));
        await Expect(member.Locator($".slot[data-room=\"{room}\"][data-start=\"10:00\"]")).ToHaveAttributeAsync("data-state", "OutOfService");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Return to service: {room}" }).ClickAsync();
        await Expect(row).ToContainTextAsync("In service");
        await member.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_denies_a_pending_booking_with_a_reason_and_sees_settings_validated()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = Unique("Boardroom");
        var roomId = await app.CreateRoomAsync(room, 23, 16, true, "Projector");
        var memberEmail = await app.CreateUserAsync("Yuna Kang");
        var pending = await app.BookAsync(memberEmail, roomId, Today, "10:00");
        var page = await app.SignInAsync(await app.CreateUserAsync("Ops Admin", admin: true), "/admin/approvals");

        var row = page.Locator($"tr:has([data-booking-id=\"{pending.Id}\"])");
        await Expect(row).ToContainTextAsync("Yuna Kang");
        await BrowserApp.ScreenshotAsync(page, "admin-approvals");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Deny {room} 10:00 for Yuna Kang" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("[data-testid=reason-ok]").ClickAsync();
        await Expect(dialog.Locator("[data-field-error=reason]")).ToContainTextAsync("Give a reason.");
        await dialog.Locator("textarea").FillAsync("Board meeting that day");
        await dialog.Locator("[data-testid=reason-ok]").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(BrowserApp.Snackbar(page, "Denied")).ToBeVisibleAsync();

        await page.ClickAsync("nav[aria-label=Main] a[href='/admin/settings']");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Settings");
        await Expect(page.Locator("[data-period-row]")).ToHaveCountAsync(5);
        await BrowserApp.ScreenshotAsync(page, "admin-settings");
        // An overlapping period is refused, next to the periods; nothing is saved.
        await page.ClickAsync("text=Add period");
        await page.Locator("[data-period-row=\"6\"] input").Nth(0).FillAsync("09:00");
        await page.Locator("[data-period-row=\"6\"] input").Nth(1).FillAsync("10:30");
        await page.ClickAsync("[data-testid=save-timetable]");
        await Expect(page.Locator("[data-field-error=periods]")).ToContainTextAsync("overlap");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_series_no_show_strikes_are_set_with_the_booking_window()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var page = await app.SignInAsync(await app.CreateUserAsync("Rules Admin", admin: true), "/admin/settings");
        var strikes = page.Locator("#series-no-show-strikes");
        await Expect(strikes).ToHaveValueAsync("3");

        await strikes.FillAsync("5");
        await page.ClickAsync("[data-testid=save-window]");
        await Expect(BrowserApp.Snackbar(page, "Booking window saved")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await BrowserApp.WaitInteractiveAsync(page);
        await Expect(page.Locator("#series-no-show-strikes")).ToHaveValueAsync("5");

        await page.Locator("#series-no-show-strikes").FillAsync("3"); // back to the default the other browser tests expect
        await page.ClickAsync("[data-testid=save-window]");
        await Expect(BrowserApp.Snackbar(page, "Booking window saved")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_in_page_and_phone_layout()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var context = await app.NewContextAsync();
        var login = await context.NewPageAsync();
        await login.GotoAsync("/my-bookings");
        await login.WaitForURLAsync(url => url.Contains("/Account/Login?returnUrl=%2Fmy-bookings"));
        await login.FillAsync("#email", "nobody@browser.test");
        await login.FillAsync("#password", "wrong-password");
        await login.ClickAsync("[data-testid=sign-in]");
        await Expect(login.Locator("[role=alert]")).ToContainTextAsync("Wrong email or password.");
        await BrowserApp.ScreenshotAsync(login, "login");
        await context.CloseAsync();

        var room = Unique("Maple");
        await app.CreateRoomAsync(room, 24, 4, false, "Whiteboard");
        var phone = await app.SignInAsync(await app.CreateUserAsync("Noah Cho"), "/my-bookings", new ViewportSize { Width = 390, Height = 844 });
        await Expect(phone.Locator("h1")).ToHaveTextAsync("My bookings");
        await Expect(phone.Locator(".empty-state")).ToContainTextAsync("No bookings yet");
        await phone.ClickAsync("[data-testid=menu]"); // on a phone the navigation is a drawer behind the menu button
        await phone.ClickAsync("nav[aria-label=Main] a[href='/']");
        await Expect(phone.Locator($".slot[data-room=\"{room}\"][data-start=\"10:00\"]")).ToHaveAttributeAsync("data-state", "Open");
        await BrowserApp.ScreenshotAsync(phone, "book-phone");

        // Keyboard: Tab reaches the Book button of an open slot and Enter books it.
        var book = phone.Locator($".slot[data-room=\"{room}\"][data-start=\"10:00\"] button[data-action=book]");
        await book.FocusAsync();
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator($".slot[data-room=\"{room}\"][data-start=\"10:00\"]")).ToHaveAttributeAsync("data-state", "Booked");

        await phone.ClickAsync("text=Sign out");
        await phone.WaitForURLAsync(url => url.Contains("/Account/Login"));
        await phone.GotoAsync("/");
        await phone.WaitForURLAsync(url => url.Contains("/Account/Login?returnUrl=%2F"));
        await phone.Context.CloseAsync();
    }
}
