using System.Text.Json;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Components.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>Members in a real browser: book, see it in My bookings, start, end; a second member; a window opening.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberBookingTests(BrowserApp app)
{
    private static readonly DateOnly Today = DateOnly.Parse(MeetingRoomFactory.Today);

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..4]}";

    private static ILocator Cell(IPage page, string room, string start) =>
        page.Locator($".slot[data-room=\"{room}\"][data-start=\"{start}\"]");

    /// <summary>The snackbar that says <paramref name="text"/> (several may be up at once).</summary>
    private static ILocator Toast(IPage page, string text) => BrowserApp.Snackbar(page, text);

    [Fact]
    public async Task Member_books_an_open_slot_sees_it_in_my_bookings_starts_and_ends_it()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow); // Monday 10:05 in Seoul: 10:00–11:50 is open
        var room = Unique("Harbor");
        await app.CreateRoomAsync(room, 11, 4, false, "Whiteboard", "TV screen");
        var page = await app.SignInAsync(await app.CreateUserAsync("Minji Kim"));

        await Expect(page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("Minji Kim");
        var cell = Cell(page, room, "10:00");
        await Expect(cell).ToHaveAttributeAsync("data-state", "Open");
        await Expect(cell).ToHaveAttributeAsync("aria-label", $"{room}, 10:00–11:50: Open");
        await BrowserApp.ScreenshotAsync(page, "book");

        await cell.Locator("button[data-action=book]").ClickAsync();

        await Expect(Toast(page, "Booked")).ToBeVisibleAsync();
        await Expect(cell).ToHaveAttributeAsync("data-state", "Booked");
        await Expect(cell).ToContainTextAsync("by you");

        await page.ClickAsync("nav[aria-label=Main] a[href='/my-bookings']");
        var row = page.Locator($"[data-testid=upcoming] .booking-row[data-room=\"{room}\"]");
        await Expect(row).ToHaveAttributeAsync("data-state", "Confirmed");
        await Expect(row.Locator("[data-testid=booking-state]")).ToHaveTextAsync("Confirmed");
        await BrowserApp.ScreenshotAsync(page, "my-bookings");

        var start = row.Locator("button[data-action=start]");
        await Expect(start).ToBeEnabledAsync();
        await start.ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-state", "InMeeting");
        await Expect(Toast(page, "Meeting started")).ToBeVisibleAsync();

        await row.Locator("button[data-action=end]").ClickAsync();
        var past = page.Locator($"[data-testid=past] .booking-row[data-room=\"{room}\"]");
        await Expect(past).ToHaveAttributeAsync("data-state", "Ended");
        await Expect(row).ToHaveCountAsync(0);

        // Ended early: the rest of the period is bookable again.
        await page.ClickAsync("nav[aria-label=Main] a[href='/']");
        await Expect(Cell(page, room, "10:00")).ToHaveAttributeAsync("data-state", "FreeAgain");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Second_member_sees_the_slot_taken_and_cannot_start_it()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = Unique("Lighthouse");
        await app.CreateRoomAsync(room, 12, 6);
        var booker = await app.CreateUserAsync("Jisoo Park");
        var other = await app.CreateUserAsync("Daniel Lee");

        var otherPage = await app.SignInAsync(other); // opened before the booking: may show it still open
        var otherCell = Cell(otherPage, room, "10:00");
        await Expect(otherCell).ToHaveAttributeAsync("data-state", "Open");

        var bookerPage = await app.SignInAsync(booker);
        var bookerCell = Cell(bookerPage, room, "10:00");
        await bookerCell.Locator("button[data-action=book]").ClickAsync();
        await Expect(bookerCell).ToHaveAttributeAsync("data-state", "Booked");
        await Expect(bookerCell.Locator("button[data-action=start]")).ToBeEnabledAsync();

        // The second member was slower: a friendly "just taken", never an error page, and the cell updates.
        var staleBook = otherCell.Locator("button[data-action=book]");
        var clickedStale = false;
        if (await staleBook.CountAsync() > 0)
        {
            try
            {
                await staleBook.ClickAsync(new LocatorClickOptions { Timeout = 3000 });
                clickedStale = true;
            }
            catch (TimeoutException) { } // a live update removed the button first: also fine
        }
        if (clickedStale) await Expect(Toast(otherPage, SnackbarMessages.JustTaken)).ToBeVisibleAsync();
        await Expect(otherCell).ToHaveAttributeAsync("data-state", "Booked");
        await Expect(otherCell).ToContainTextAsync("by Jisoo Park");

        var start = otherCell.Locator("button[data-action=start]");
        await Expect(start).ToBeDisabledAsync();
        await Expect(start).ToHaveAttributeAsync("title", "Only the member who booked it can start it.");

        // …and the server refuses it too (same cookie, the API).
        var bookingId = (await app.ScheduleAsync(Today)).Rooms.Single(r => r.Name == room).Cells.Single(c => c.Start == "10:00").BookingId;
        var response = await otherPage.APIRequest.PostAsync($"/api/bookings/{bookingId}/start");
        Assert.Equal(403, response.Status);
        var problem = await response.JsonAsync();
        Assert.Equal("urn:meetingroom:problem:not-the-booker", problem!.Value.GetProperty("type").GetString());

        await otherPage.Context.CloseAsync();
        await bookerPage.Context.CloseAsync();
    }

    [Fact]
    public async Task A_member_presses_Book_5_s_before_the_opening_and_gets_the_slot_at_the_instant()
    {
        var fifteenSecondsBefore = DateTimeOffset.Parse("2026-11-23T12:59:45+09:00");
        app.Clock.Set(fifteenSecondsBefore);
        var room = Unique("Summit");
        await app.CreateRoomAsync(room, 13, 10);
        var page = await app.SignInAsync(await app.CreateUserAsync("Sora Choi"));

        var cell = Cell(page, room, "13:00");
        await Expect(cell).ToHaveAttributeAsync("data-state", "NotYetOpen");
        await Expect(cell.Locator(".slot__label")).ToHaveTextAsync("Opens 13:00");
        await Expect(cell.Locator("[data-testid=cell-detail]")).ToHaveTextAsync("in 0:15");
        await Expect(cell.Locator("button[data-action=book]")).ToHaveCountAsync(0); // more than 10 s before: not yet

        app.Clock.Set(fifteenSecondsBefore.AddSeconds(10)); // 12:59:55; the page's per-second timer follows the test clock
        await Expect(cell.Locator("[data-testid=cell-detail]")).ToHaveTextAsync("in 0:05");
        await cell.Locator("button[data-action=book]").ClickAsync(); // 5 s early: the request waits in line for the instant
        await Expect(cell).ToHaveAttributeAsync("data-state", "NotYetOpen");

        app.Clock.Set(fifteenSecondsBefore.AddSeconds(16)); // 13:00:01: the window opened, the waiting request is decided
        await Expect(cell).ToHaveAttributeAsync("data-state", "Booked");
        await page.Context.CloseAsync();
    }
}
