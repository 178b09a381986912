using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule.Door;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>The door display (D1) in a real browser: it follows a booking made, started and ended through the API, live.</summary>
[Collection(BoardCollection.Name)]
public sealed class DoorBrowserTests(BrowserApp app)
{
    private async Task<HttpClient> ApiAsAsync(string email)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = BrowserApp.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [Fact]
    public async Task Door_page_changes_live_when_a_booking_is_made_started_and_ended_through_the_api()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow); // Monday 10:05 in Seoul: 10:00–11:50 runs
        var name = $"Door {Guid.NewGuid().ToString("N")[..4]}";
        var roomId = await app.CreateRoomAsync(name, 60);
        try
        {
            string url;
            await using (var scope = app.Services.CreateAsyncScope())
                url = (await scope.ServiceProvider.GetRequiredService<DoorDisplayService>().CreateAsync(Actor.Admin("browser-tests"), roomId)).Value!.Url;
            var context = await app.NewContextAsync(new ViewportSize { Width = 1280, Height = 800 });
            var door = await context.NewPageAsync();
            door.SetDefaultTimeout(15_000);
            await door.GotoAsync(url);
            await BrowserApp.WaitInteractiveAsync(door);
            var state = door.Locator("[data-testid=door]");
            await Expect(state).ToHaveAttributeAsync("data-state", "Free");
            await Expect(door.Locator("[data-testid=door-room]")).ToHaveTextAsync(name);
            await Expect(door.Locator("[data-testid=door-qr] img")).ToBeVisibleAsync(); // free now: scan to book
            Assert.Empty(await AxeScan.SeriousAsync(door, "door"));
            await door.EvaluateAsync("() => { window.__doorMark = true; }");

            using var member = await ApiAsAsync(await app.CreateUserAsync("Door Booker"));
            var booked = await member.PostAsJsonAsync("/api/bookings", new { roomId, date = MeetingRoomFactory.Today, start = "10:00" });
            booked.EnsureSuccessStatusCode();
            var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await Expect(state).ToHaveAttributeAsync("data-state", "Booked");
            await Expect(door.Locator("[data-testid=door-checkin]")).ToContainTextAsync("Check in by 10:15 or it is released");
            await BrowserApp.ScreenshotAsync(door, "door-booked-landscape");

            (await member.PostAsync($"/api/bookings/{id}/start", null)).EnsureSuccessStatusCode();
            await Expect(state).ToHaveAttributeAsync("data-state", "InMeeting");
            await Expect(door.Locator("[data-testid=door-detail]")).ToHaveTextAsync("until 11:50");
            await door.SetViewportSizeAsync(800, 1280);
            await BrowserApp.ScreenshotAsync(door, "door-in-meeting-portrait");

            (await member.PostAsync($"/api/bookings/{id}/end", null)).EnsureSuccessStatusCode();
            await Expect(state).ToHaveAttributeAsync("data-state", "Free");
            Assert.True(await door.EvaluateAsync<bool>("() => window.__doorMark === true")); // live, never reloaded
        }
        finally
        {
            app.Clock.Set(MeetingRoomFactory.DefaultNow);
            await app.DeleteRoomsAsync(roomId);
        }
    }

    [Fact]
    public async Task Open_door_page_goes_blank_by_the_push_when_revoked_and_its_url_then_answers_404()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var roomId = await app.CreateRoomAsync($"Door {Guid.NewGuid().ToString("N")[..4]}", 63);
        try
        {
            DoorDisplayCreated created;
            await using (var scope = app.Services.CreateAsyncScope())
                created = (await scope.ServiceProvider.GetRequiredService<DoorDisplayService>().CreateAsync(Actor.Admin("browser-tests"), roomId)).Value!;
            var context = await app.NewContextAsync(new ViewportSize { Width = 1280, Height = 800 });
            var door = await context.NewPageAsync();
            door.SetDefaultTimeout(15_000);
            Assert.Equal(200, (await door.GotoAsync(created.Url))!.Status);
            await BrowserApp.WaitInteractiveAsync(door);
            var state = door.Locator("[data-testid=door]");
            await Expect(state).ToHaveAttributeAsync("data-state", "Free");
            await door.EvaluateAsync("() => { window.__doorMark = true; }");

            await using (var scope = app.Services.CreateAsyncScope())
                Assert.True((await scope.ServiceProvider.GetRequiredService<DoorDisplayService>().RevokeAsync(Actor.Admin("browser-tests"), created.Id)).IsOk);

            await Expect(state).ToHaveAttributeAsync("data-state", "Inactive");
            await Expect(door.Locator("h1")).ToHaveTextAsync("This door display is not active");
            Assert.True(await door.EvaluateAsync<bool>("() => window.__doorMark === true")); // by the push, never reloaded
            var again = await (await context.NewPageAsync()).GotoAsync(created.Url);
            Assert.Equal(404, again!.Status);
            Assert.Contains("This door display is not active", await again.TextAsync());
        }
        finally
        {
            await app.DeleteRoomsAsync(roomId);
        }
    }

    [Fact]
    public async Task Door_page_in_Korean_by_lang_reads_Korean_in_each_state_and_fits_landscape_and_portrait()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow); // Monday 10:05 in Seoul: 10:00–11:50 runs
        var name = $"Door {Guid.NewGuid().ToString("N")[..4]}";
        var roomId = await app.CreateRoomAsync(name, 62);
        try
        {
            string url;
            await using (var scope = app.Services.CreateAsyncScope())
                url = (await scope.ServiceProvider.GetRequiredService<DoorDisplayService>().CreateAsync(Actor.Admin("browser-tests"), roomId)).Value!.Url;
            var context = await app.NewContextAsync(new ViewportSize { Width = 1280, Height = 800 });
            var door = await context.NewPageAsync();
            door.SetDefaultTimeout(15_000);
            await door.GotoAsync(url + "?lang=ko");
            await BrowserApp.WaitInteractiveAsync(door);
            var state = door.Locator("[data-testid=door]");
            await Expect(state).ToHaveAttributeAsync("data-state", "Free");
            await Expect(door.Locator(".door-state")).ToHaveTextAsync("사용 가능");
            await Expect(door.Locator("[data-testid=door-detail]")).ToHaveTextAsync("오늘 남은 시간 동안");
            await Expect(door.Locator("[data-testid=door-qr] figcaption")).ToHaveTextAsync("스캔하여 지금 예약");
            await Expect(door.Locator("#door-next-title")).ToHaveTextAsync("오늘 남은 예약");
            await FitsAsync(door, "door-ko-free-landscape");

            var booker = await app.CreateUserAsync("Door Booker");
            var booking = await app.BookAsync(booker, roomId, DateOnly.Parse(MeetingRoomFactory.Today), "10:00");
            await Expect(state).ToHaveAttributeAsync("data-state", "Booked");
            await Expect(door.Locator(".door-state")).ToHaveTextAsync("예약됨");
            await Expect(door.Locator("[data-testid=door-detail]")).ToHaveTextAsync("10:00 시작");
            await Expect(door.Locator("[data-testid=door-checkin]")).ToContainTextAsync("10:15까지 체크인하지 않으면 예약이 해제됩니다");
            await Expect(door.Locator("[data-testid=door-countdown]")).ToContainTextAsync("초 후");
            await FitsAsync(door, "door-ko-booked-landscape");
            await door.SetViewportSizeAsync(800, 1280);
            await FitsAsync(door, "door-ko-booked-portrait");

            using var member = await ApiAsAsync(booker);
            (await member.PostAsync($"/api/bookings/{booking.Id}/start", null)).EnsureSuccessStatusCode();
            await Expect(state).ToHaveAttributeAsync("data-state", "InMeeting");
            await Expect(door.Locator(".door-state")).ToHaveTextAsync("회의 중");
            await Expect(door.Locator("[data-testid=door-detail]")).ToHaveTextAsync("11:50까지");
            await FitsAsync(door, "door-ko-in-meeting-portrait");

            var text = await state.InnerTextAsync();
            foreach (var english in new[] { "Free", "Booked", "In meeting", "until", "Starts", "Check in", "Later today", "Scan", "No more" })
                Assert.DoesNotContain(english, text);
            await context.CloseAsync();
        }
        finally
        {
            app.Clock.Set(MeetingRoomFactory.DefaultNow);
            await app.DeleteRoomsAsync(roomId);
        }
    }

    /// <summary>A screenshot of the door display, which fits its screen (no scrolling either way).</summary>
    private static async Task FitsAsync(IPage door, string screenshot)
    {
        await BrowserApp.ScreenshotAsync(door, screenshot);
        var scroll = await door.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollHeight - innerHeight, document.documentElement.scrollWidth - innerWidth]");
        Assert.True(scroll[0] <= 0 && scroll[1] <= 0, $"The door display scrolls ({scroll[0]}px down, {scroll[1]}px across).");
    }

    [Fact]
    public async Task Scanned_code_on_a_phone_signs_in_comes_back_and_starts_the_meeting_only_for_the_booker()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var roomId = await app.CreateRoomAsync($"Scan {Guid.NewGuid().ToString("N")[..4]}", 61);
        try
        {
            var booker = await app.CreateUserAsync("Scan Booker");
            await app.BookAsync(booker, roomId, DateOnly.Parse(MeetingRoomFactory.Today), "10:00");
            var code = app.Services.GetRequiredService<MeetingRoom.Web.Features.Meetings.CheckInCodes>()
                .For(new(roomId, DateOnly.Parse(MeetingRoomFactory.Today), new TimeOnly(10, 0)));
            var phone = new ViewportSize { Width = 390, Height = 844 };

            var other = await app.SignInAsync(await app.CreateUserAsync("Someone Else"), $"/checkin/{code}", phone);
            await other.ClickAsync("[data-testid=checkin-start]");
            await Expect(other.Locator("[data-testid=checkin-problem]")).ToHaveTextAsync("Only the member who booked it may do that."); // the same refusal as My bookings and the API

            var page = await app.SignInAsync(booker, $"/checkin/{code}", phone); // signs in, then back to the code
            Assert.Contains($"/checkin/{code}", page.Url);
            Assert.Empty(await AxeScan.SeriousAsync(page, "checkin"));
            await page.ClickAsync("[data-testid=checkin-start]");
            await Expect(page.Locator("[data-testid=checkin-done]")).ToContainTextAsync("Meeting started");
        }
        finally
        {
            app.Clock.Set(MeetingRoomFactory.DefaultNow);
            await app.DeleteRoomsAsync(roomId);
        }
    }
}
