using System.Net;
using Ical.Net.CalendarComponents;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>Bookings as iCalendar (issue 13, item 3): the .ics of a booking, parsed back with Ical.Net.</summary>
public sealed class CalendarTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static async Task<Ical.Net.Calendar> LoadAsync(HttpResponseMessage response)
    {
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task A_bookings_ics_parses_back_with_its_room_floor_site_local_times_and_status()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Harbor ICS", floor: 3);
        var id = await member.BookOkAsync(room, Today, "10:00");

        var calendar = await LoadAsync(await member.GetAsync($"/api/bookings/{id}/calendar.ics"));

        var ev = Assert.Single(calendar.Events);
        Assert.Equal($"booking-{id:D}@meetingroom", ev.Uid);
        Assert.Equal("Harbor ICS", ev.Summary);
        Assert.Contains("Harbor ICS", ev.Location);
        Assert.Contains("floor 3", ev.Location);
        Assert.Equal("CONFIRMED", ev.Status);
        Assert.Equal("Asia/Seoul", ev.Start!.TzId);
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), ev.Start.Value);
        Assert.Equal(new DateTime(2026, 11, 23, 11, 50, 0), ev.End!.Value);
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T10:00:00+09:00"), new DateTimeOffset(ev.Start.AsUtc, TimeSpan.Zero));
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Asia/Seoul");

        // The same event, cancelled: same UID, STATUS:CANCELLED
        await (await member.PostAsync($"/api/bookings/{id}/cancel")).ShouldBe(HttpStatusCode.OK);
        var cancelled = Assert.Single((await LoadAsync(await member.GetAsync($"/api/bookings/{id}/calendar.ics"))).Events);
        Assert.Equal(ev.Uid, cancelled.Uid);
        Assert.Equal("CANCELLED", cancelled.Status);
    }

    [Fact]
    public async Task A_booking_pending_approval_is_tentative_and_only_its_booker_or_an_admin_gets_it()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var other = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync("Boardroom ICS", requiresApproval: true), Today, "10:00");

        Assert.Equal("TENTATIVE", Assert.Single((await LoadAsync(await member.GetAsync($"/api/bookings/{id}/calendar.ics"))).Events).Status);
        Assert.Equal("TENTATIVE", Assert.Single((await LoadAsync(await admin.GetAsync($"/api/bookings/{id}/calendar.ics"))).Events).Status);
        await (await other.GetAsync($"/api/bookings/{id}/calendar.ics")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-booking");
        await (await app.Anonymous().GetAsync($"/api/bookings/{id}/calendar.ics")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_personal_feed_lists_the_members_bookings_and_stops_working_after_regenerate()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var other = await app.SignInNewAsync();
        var cancelled = await member.BookOkAsync(await admin.CreateRoomAsync("Feed cancelled"), Today, "10:00");
        await (await member.PostAsync($"/api/bookings/{cancelled}/cancel")).ShouldBe(HttpStatusCode.OK);
        var kept = await member.BookOkAsync(await admin.CreateRoomAsync("Feed kept", floor: 2), Today, "10:00");
        await other.BookOkAsync(await admin.CreateRoomAsync("Feed other"), Today, "10:00");

        var url = (await member.GetJsonAsync<System.Text.Json.JsonElement>("/api/me/calendar-feed")).GetProperty("url").GetString()!;
        Assert.Equal(url, (await member.GetJsonAsync<System.Text.Json.JsonElement>("/api/me/calendar-feed")).GetProperty("url").GetString());
        Assert.Matches(@"^http://localhost/calendar/[A-Za-z0-9_-]{40,}\.ics$", url);
        var path = new Uri(url).PathAndQuery;

        var feed = await LoadAsync(await app.Anonymous().GetAsync(path)); // no sign-in: the URL is the secret
        var events = feed.Events.ToDictionary(e => e.Uid!);
        Assert.Equal(2, events.Count);
        Assert.Equal("CONFIRMED", events[$"booking-{kept:D}@meetingroom"].Status);
        Assert.Equal("Feed kept", events[$"booking-{kept:D}@meetingroom"].Summary);
        Assert.Equal("Asia/Seoul", events[$"booking-{kept:D}@meetingroom"].Start!.TzId);
        Assert.Equal("CANCELLED", events[$"booking-{cancelled:D}@meetingroom"].Status);

        var regenerated = (await (await member.PostAsync("/api/me/calendar-feed")).Json()).GetProperty("url").GetString()!;
        Assert.NotEqual(url, regenerated);
        await (await app.Anonymous().GetAsync(path)).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(2, (await LoadAsync(await app.Anonymous().GetAsync(new Uri(regenerated).PathAndQuery))).Events.Count);
        await (await app.Anonymous().GetAsync("/calendar/not-a-token.ics")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
    }
}
