using MeetingRoom.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>Issue 5 in a real browser: live notifications when an admin takes a member's room out of service.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoomLifecycleBrowserTests(BrowserApp app)
{
    private static readonly DateOnly Today = DateOnly.Parse(MeetingRoomFactory.Today);

    [Fact]
    public async Task Member_sees_the_bell_count_rise_and_the_booking_cancelled_when_an_admin_takes_the_room_out_of_service()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = $"Willow {Guid.NewGuid().ToString("N")[..4]}";
        await app.CreateRoomAsync(room, 23, 6);
        var memberEmail = await app.CreateUserAsync("Mia Yoon");
        var booking = await app.BookAsync(memberEmail, (await app.ScheduleAsync(Today)).Rooms.Single(r => r.Name == room).RoomId, Today, "10:00");
        var member = await app.SignInAsync(memberEmail, "/my-bookings");
        var bell = member.Locator("[data-testid=bell]");
        var row = member.Locator($"[data-booking-id=\"{booking.Id}\"]");
        await Expect(row).ToHaveAttributeAsync("data-state", "Confirmed");
        var unreadBefore = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0");

        var admin = await app.SignInAsync(await app.CreateUserAsync("Ops Admin", admin: true), "/admin/rooms");
        await admin.Locator($"tr:has([data-room=\"{room}\"])").GetByRole(AriaRole.Button, new() { Name = $"Take {room} out of service" }).ClickAsync();
        var dialog = admin.Locator(".mud-dialog");
        await dialog.Locator("textarea").FillAsync("Burst pipe");
        await dialog.Locator("[data-testid=reason-ok]").ClickAsync();

        // No reload on the member's page: the push arrives through the circuit.
        await Expect(bell).ToHaveAttributeAsync("data-unread", (unreadBefore + 1).ToString());
        await Expect(row).ToHaveAttributeAsync("data-state", "Cancelled");
        await Expect(row).ToContainTextAsync("Burst pipe");
        await BrowserApp.ScreenshotAsync(member, "my-bookings-cancelled");

        await bell.ClickAsync();
        await Expect(member.Locator("[data-testid=notification][data-kind=RoomOutOfService]")).ToContainTextAsync("Burst pipe");
        await BrowserApp.ScreenshotAsync(member, "notifications");
        await member.ClickAsync("[data-testid=mark-all-read]");
        await Expect(bell).ToHaveAttributeAsync("data-unread", "0");

        await admin.GotoAsync("/admin/equipment");
        await BrowserApp.WaitInteractiveAsync(admin);
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Equipment inventory");
        await BrowserApp.ScreenshotAsync(admin, "admin-equipment");
        await member.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
