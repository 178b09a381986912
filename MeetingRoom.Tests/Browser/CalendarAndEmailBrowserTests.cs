using MeetingRoom.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>My bookings in a real browser: Add to calendar, the feed address (regenerated after a confirmation), email off.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarAndEmailBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task My_bookings_offers_add_to_calendar_the_feed_address_with_regenerate_and_the_email_switch()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = $"Calendar {Guid.NewGuid().ToString("N")[..4]}";
        var roomId = await app.CreateRoomAsync(room, 5);
        var email = await app.CreateUserAsync("Calendar Kim");
        var booking = await app.BookAsync(email, roomId, DateOnly.Parse(MeetingRoomFactory.Today), "10:00");
        var page = await app.SignInAsync(email, "/my-bookings");

        var row = page.Locator($"[data-testid=upcoming] .booking-row[data-room=\"{room}\"]");
        var add = row.Locator("a[data-action=add-to-calendar]");
        await Expect(add).ToHaveAttributeAsync("href", $"/api/bookings/{booking.Id}/calendar.ics");
        var download = await page.RunAndWaitForDownloadAsync(() => add.ClickAsync());
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains($"UID:booking-{booking.Id:D}@meetingroom", ics);

        var feed = page.Locator("[data-testid=feed] input");
        await Expect(feed).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/calendar/[A-Za-z0-9_-]{40,}\.ics$"));
        var first = await feed.InputValueAsync();
        await BrowserApp.ScreenshotAsync(page, "my-bookings-calendar");

        await page.ClickAsync("button[data-action=regenerate-feed]");
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("Regenerate your calendar address?");
        await dialog.Locator("button").Filter(new() { HasText = "Regenerate" }).ClickAsync();
        await Expect(BrowserApp.Snackbar(page, "New calendar address")).ToBeVisibleAsync();
        await Expect(feed).Not.ToHaveValueAsync(first);
        using var http = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(first)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(await feed.InputValueAsync())).StatusCode);

        // Email is off on this test app (no Smtp:Host): the switch says so and cannot be used.
        await Expect(page.Locator("[data-testid=calendar-and-email]")).ToContainTextAsync("This site does not send email.");
        await page.Context.CloseAsync();
    }
}
