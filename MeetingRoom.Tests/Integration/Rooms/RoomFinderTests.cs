using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration.Rooms;

/// <summary>
/// "Find a room now" (issue 25): <c>GET /api/rooms/available</c> lists the rooms free in the period under way and in the next one,
/// by fit. Clock: 2026-11-23 10:05 Asia/Seoul, so 10:00–11:50 is under way and 13:00 is next. Each test uses a floor of its own.
/// </summary>
public sealed class RoomFinderTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static async Task<JsonElement[]> PeriodsAsync(ApiClient client, string query) =>
        (await client.GetJsonAsync<JsonElement>($"/api/rooms/available?{query}")).EnumerateArray().ToArray();

    private static string[] Names(JsonElement period) =>
        period.GetProperty("rooms").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task Free_rooms_now_and_next_come_smallest_that_fits_first()
    {
        var admin = await app.SignInNewAsync(admin: true);
        await admin.CreateRoomAsync("Fit ten", floor: 91, capacity: 10);
        await admin.CreateRoomAsync("Fit four", floor: 91, capacity: 4);
        await admin.CreateRoomAsync("Fit six", floor: 91, capacity: 6);

        var periods = await PeriodsAsync(await app.SignInNewAsync(), "minCapacity=5&floor=91");

        Assert.Equal(["10:00", "13:00"], periods.Select(p => p.GetProperty("start").GetString()));
        Assert.True(periods[0].GetProperty("underWay").GetBoolean());
        Assert.Equal(["Fit six", "Fit ten"], Names(periods[0]));
        Assert.Equal(["Fit six", "Fit ten"], Names(periods[1]));
        Assert.All(periods[1].GetProperty("rooms").EnumerateArray(), r => Assert.Equal("NotYetOpen", r.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task A_booked_room_is_not_free_and_comes_back_as_soon_as_its_meeting_ends_early()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Now and again", floor: 92);
        var booking = await member.BookOkAsync(room, Today, "10:00");
        await app.WaitForHandlerAsync();
        Assert.Empty(Names((await PeriodsAsync(member, "floor=92"))[0]));

        await member.PostAsync($"/api/bookings/{booking}/start");
        await member.PostAsync($"/api/bookings/{booking}/end");
        await app.WaitForHandlerAsync();

        var now = (await PeriodsAsync(member, "floor=92"))[0].GetProperty("rooms").EnumerateArray().Single();
        Assert.Equal("FreeAgain", now.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Only_rooms_with_every_piece_of_equipment_asked_for_are_listed()
    {
        var admin = await app.SignInNewAsync(admin: true);
        await admin.CreateRoomAsync("Screen only", 93, 6, false, "Screen");
        await admin.CreateRoomAsync("Screen and board", 93, 6, false, "Screen", "Whiteboard");

        var periods = await PeriodsAsync(admin, "floor=93&equipment=screen,WHITEBOARD");

        Assert.Equal(["Screen and board"], Names(periods[0]));
    }

    [Fact]
    public async Task Unreadable_or_out_of_range_parameters_are_400_naming_each_field()
    {
        var member = await app.SignInNewAsync();

        var problem = await (await member.Http.GetAsync("/api/rooms/available?at=soon&minCapacity=0&floor=second"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("at", out _));
        Assert.True(errors.TryGetProperty("minCapacity", out _));
        Assert.True(errors.TryGetProperty("floor", out _));
    }

    [Fact]
    public async Task An_instant_in_the_past_is_refused()
    {
        var member = await app.SignInNewAsync();

        await (await member.Http.GetAsync("/api/rooms/available?at=2026-11-22T10:00:00%2B09:00"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
    }

    [Fact]
    public async Task After_the_last_period_of_the_day_the_first_of_the_next_day_is_next()
    {
        var admin = await app.SignInNewAsync(admin: true);
        await admin.CreateRoomAsync("Late room", floor: 94);

        var periods = await PeriodsAsync(admin, "floor=94&at=2026-11-23T23:00:00%2B09:00");

        var next = Assert.Single(periods);
        Assert.Equal("2026-11-24", next.GetProperty("date").GetString());
        Assert.False(next.GetProperty("underWay").GetBoolean());
    }
}
