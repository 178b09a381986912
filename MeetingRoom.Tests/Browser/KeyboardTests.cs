using MeetingRoom.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>Everything works from the keyboard (N7): sign in, book, start and end a meeting without touching the mouse.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserApp app)
{
    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/> (at most <paramref name="max"/> times).</summary>
    private static async Task TabToAsync(IPage page, string selector, int max = 400)
    {
        for (var i = 0; i < max; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}.");
    }

    [Fact]
    public async Task A_member_signs_in_books_starts_and_ends_a_meeting_with_the_keyboard_only()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = $"Keys {Guid.NewGuid().ToString("N")[..4]}";
        await app.CreateRoomAsync(room, 44, 4);
        var email = await app.CreateUserAsync("Kim Keyboard");
        var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login"));

        await TabToAsync(page, "#email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(BrowserApp.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        await BrowserApp.WaitInteractiveAsync(page);

        var cell = page.Locator($".slot[data-room=\"{room}\"][data-start=\"10:00\"]");
        await TabToAsync(page, $".slot[data-room=\"{room}\"][data-start=\"10:00\"] button[data-action=book]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(cell).ToHaveAttributeAsync("data-state", "Booked");

        await TabToAsync(page, $".slot[data-room=\"{room}\"][data-start=\"10:00\"] button[data-action=start]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(cell).ToHaveAttributeAsync("data-state", "InMeeting");

        await page.Keyboard.PressAsync("Shift+Tab"); // back up into the navigation
        await TabToAsync(page, "nav[aria-label=Main] a[href='/my-bookings']");
        await page.Keyboard.PressAsync("Enter");
        var row = page.Locator($".booking-row[data-room=\"{room}\"]");
        await Expect(row).ToHaveAttributeAsync("data-state", "InMeeting");
        await TabToAsync(page, $".booking-row[data-room=\"{room}\"] button[data-action=end]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"[data-testid=past] .booking-row[data-room=\"{room}\"]")).ToHaveAttributeAsync("data-state", "Ended");
        await context.CloseAsync();
    }
}
