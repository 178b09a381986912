using MeetingRoom.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>The waitlist as a member meets it (F3): join on a held cell, see the place in line, get the room live when it frees.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WaitlistBrowserTests(BrowserApp app)
{
    private static readonly DateOnly Today = DateOnly.Parse(MeetingRoomFactory.Today);

    [Fact]
    public async Task A_member_joins_the_waitlist_of_a_taken_slot_and_gets_it_live_when_the_booker_cancels()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = $"Queue {Guid.NewGuid().ToString("N")[..4]}";
        var roomId = await app.CreateRoomAsync(room, 45, 6);
        var holder = await app.CreateUserAsync("Jisoo Park");
        var held = await app.BookAsync(holder, roomId, Today, "10:00");
        var page = await app.SignInAsync(await app.CreateUserAsync("Daniel Lee"));
        var cell = page.Locator($".slot[data-room=\"{room}\"][data-start=\"10:00\"]");
        var bell = page.Locator("[data-testid=bell]");
        await Expect(cell).ToHaveAttributeAsync("data-state", "Booked");
        var unreadBefore = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0");

        await cell.Locator("button[data-action=join-waitlist]").ClickAsync();

        await Expect(BrowserApp.Snackbar(page, "On the waitlist")).ToBeVisibleAsync();
        await Expect(cell.Locator("[data-testid=my-place]")).ToContainTextAsync("You are 1st in line");
        await Expect(cell.Locator("[data-testid=waiting]")).ToHaveTextAsync("1 waiting");
        await BrowserApp.ScreenshotAsync(page, "book-waitlist");

        await app.CancelAsync(holder, held.Id); // somewhere else: the booker cancels

        await Expect(cell).ToContainTextAsync("by you"); // no reload: handed over and pushed
        await Expect(cell.Locator("[data-testid=my-place]")).ToHaveCountAsync(0);
        await Expect(bell).ToHaveAttributeAsync("data-unread", (unreadBefore + 1).ToString());
        await bell.ClickAsync();
        await Expect(page.Locator("[data-testid=notification][data-kind=FromWaitlist]")).ToContainTextAsync($"You got {room} 10:00–11:50 from the waitlist");
        await page.Context.CloseAsync();
    }
}
