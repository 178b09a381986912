using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.SeriesApi;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// "Everything else follows" (issue 22): the occurrences of a series are bookings like any other for out of service, timetable
/// changes and deactivation, and they count against no booking limit. Today is Monday 2026-11-23 10:05 (Seoul); booking windows
/// open 30 days ahead here; the limits are the defaults (1 per period, 2 a day, 10 upcoming).
/// </summary>
public sealed class SeriesFollowsTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private ApiClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await app.SignInNewAsync(admin: true);
        await (await _admin.PutAsync("/api/admin/booking-window", new { mode = "LeadTime", leadMinutes = 30 * 24 * 60 })).ShouldBe(HttpStatusCode.OK);
        await (await _admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 1, maxPerDay = 2, maxUpcoming = 10 })).ShouldBe(HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> RoomAsync() => await _admin.CreateRoomAsync($"Follows {Guid.NewGuid():N}");

    private async Task<(ApiClient Member, string Id)> MemberAsync()
    {
        var member = await app.SignInNewAsync();
        return (member, await MemberSeeder.IdOfAsync(app.Services, member.Email!));
    }

    [Fact]
    public async Task Taking_the_room_out_of_service_cancels_its_occurrences()
    {
        var room = await RoomAsync();
        var id = IdOf(await _admin.CreateSeriesOkAsync(Body(room, "2026-11-30", Weekly(3, "Monday"))));

        await (await _admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Flood" })).ShouldBe(HttpStatusCode.OK);

        Assert.All(await StoredOccurrencesAsync(app.Services, id), o => Assert.Equal("Cancelled", o.State));
    }

    [Fact]
    public async Task Deleting_the_room_cancels_its_occurrences_and_the_series_still_reads()
    {
        var room = await RoomAsync();
        var id = IdOf(await _admin.CreateSeriesOkAsync(Body(room, "2026-11-30", Weekly(3, "Monday"))));

        await (await _admin.DeleteAsync($"/api/rooms/{room}")).ShouldBe(HttpStatusCode.NoContent);

        Assert.Equal(["Cancelled", "Cancelled", "Cancelled"], States(await _admin.SeriesAsync(id)));
    }

    [Fact]
    public async Task A_timetable_change_that_removes_the_series_period_is_refused_listing_its_occurrences()
    {
        var room = await RoomAsync();
        var series = await _admin.CreateSeriesOkAsync(Body(room, "2026-11-30", Weekly(3, "Monday"), start: "17:00"));
        var timetable = await _admin.GetJsonAsync<JsonElement>("/api/admin/timetable");
        var withoutFive = timetable.GetProperty("periods").EnumerateArray().Where(p => p.GetProperty("start").GetString() != "17:00")
            .Select(p => new { start = p.GetProperty("start").GetString(), end = p.GetProperty("end").GetString() }).ToList();

        var response = await _admin.PutAsync("/api/admin/timetable", new { timeZone = timetable.GetProperty("timeZone").GetString(), periods = withoutFive });

        var problem = await response.ShouldBeProblem(HttpStatusCode.Conflict, "timetable-in-use");
        var inTheWay = problem.GetProperty("bookings").EnumerateArray().Select(b => b.GetGuid()).ToHashSet();
        Assert.All(series.GetProperty("occurrences").EnumerateArray(), o => Assert.Contains(o.GetProperty("bookingId").GetGuid(), inTheWay));
    }

    [Fact]
    public async Task A_member_with_a_series_can_still_book_up_to_every_limit()
    {
        var (member, memberId) = await MemberAsync();
        await _admin.CreateSeriesOkAsync(Body(await RoomAsync(), "2026-11-24", Daily(12), bookerId: memberId));

        await member.BookOkAsync(await RoomAsync(), "2026-11-24", "10:00"); // the same period as the series' occurrence
        await member.BookOkAsync(await RoomAsync(), "2026-11-24", "13:00"); // the day's second

        await (await member.BookAsync(await RoomAsync(), "2026-11-24", "15:00")).ShouldBeProblem(HttpStatusCode.Conflict, "member-limit");
    }

    [Fact]
    public async Task Twelve_occurrences_ahead_leave_all_ten_upcoming_places_free()
    {
        var (member, memberId) = await MemberAsync();
        await _admin.CreateSeriesOkAsync(Body(await RoomAsync(), "2026-11-24", Daily(12), bookerId: memberId));
        var room = await RoomAsync();

        for (var day = 24; day < 29; day++)
        foreach (var start in new[] { "08:00", "13:00" })
            await member.BookOkAsync(room, $"2026-11-{day}", start);

        await (await member.BookAsync(room, "2026-11-29", "08:00")).ShouldBeProblem(HttpStatusCode.Conflict, "member-limit");
    }

    [Fact]
    public async Task Deactivating_the_booker_cancels_the_occurrences_and_the_series()
    {
        var (_, memberId) = await MemberAsync();
        var id = IdOf(await _admin.CreateSeriesOkAsync(Body(await RoomAsync(), "2026-11-30", Weekly(3, "Monday"), bookerId: memberId)));

        await (await _admin.PostAsync($"/api/admin/members/{memberId}/deactivate")).ShouldBe(HttpStatusCode.OK);

        Assert.All(await StoredOccurrencesAsync(app.Services, id), o => Assert.Equal("Cancelled", o.State));
        Assert.Equal("Cancelled", (await _admin.SeriesAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_member_cannot_book_a_slot_a_series_holds()
    {
        var room = await RoomAsync();
        await _admin.CreateSeriesOkAsync(Body(room, "2026-11-30", Weekly(3, "Monday")));

        await (await (await app.SignInNewAsync()).BookAsync(room, "2026-12-07", "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
    }
}
