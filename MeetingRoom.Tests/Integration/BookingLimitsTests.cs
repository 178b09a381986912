using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>F1 through the API: the limits as site settings, and the member-limit refusal.</summary>
public sealed class BookingLimitsTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private ApiClient _admin = null!;

    public async Task InitializeAsync() => _admin = await app.SignInNewAsync(admin: true);

    public async Task DisposeAsync()
    {
        await SetLimitsAsync(1, 2, 10);
        await _admin.PutAsync("/api/admin/booking-window", new { mode = "AtPeriodStart" });
    }

    private async Task SetLimitsAsync(int perPeriod, int perDay, int upcoming, bool adminsExempt = false) =>
        await (await _admin.PutAsync("/api/admin/booking-limits",
            new { maxPerPeriod = perPeriod, maxPerDay = perDay, maxUpcoming = upcoming, adminsExempt })).ShouldBe(HttpStatusCode.OK);

    private async Task<int[]> RoomsAsync(string prefix, int count)
    {
        var rooms = new int[count];
        for (var i = 0; i < count; i++) rooms[i] = await _admin.CreateRoomAsync($"{prefix} {i}");
        return rooms;
    }

    [Fact]
    public async Task The_default_limits_are_one_per_period_two_per_day_ten_upcoming()
    {
        var limits = await _admin.GetJsonAsync<JsonElement>("/api/admin/booking-limits");

        Assert.Equal((1, 2, 10, false), (limits.GetProperty("maxPerPeriod").GetInt32(), limits.GetProperty("maxPerDay").GetInt32(),
            limits.GetProperty("maxUpcoming").GetInt32(), limits.GetProperty("adminsExempt").GetBoolean()));
    }

    [Fact]
    public async Task Limits_an_admin_saves_are_read_back()
    {
        await SetLimitsAsync(2, 3, 4, adminsExempt: true);

        var limits = await _admin.GetJsonAsync<JsonElement>("/api/admin/booking-limits");

        Assert.Equal((2, 3, 4, true), (limits.GetProperty("maxPerPeriod").GetInt32(), limits.GetProperty("maxPerDay").GetInt32(),
            limits.GetProperty("maxUpcoming").GetInt32(), limits.GetProperty("adminsExempt").GetBoolean()));
    }

    [Fact]
    public async Task A_negative_or_missing_limit_is_400_with_the_fields_named()
    {
        var response = await _admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = -1, maxPerDay = 2 });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["maxPerPeriod", "maxUpcoming"], fields);
    }

    [Fact]
    public async Task Members_may_not_change_the_limits()
    {
        var member = await app.SignInNewAsync();

        await (await member.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 9, maxPerDay = 9, maxUpcoming = 9 }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_second_room_in_the_same_period_is_409_member_limit_naming_the_limit_and_the_booking_held()
    {
        var member = await app.SignInNewAsync();
        var rooms = await RoomsAsync("Per period", 2);
        var held = await member.BookOkAsync(rooms[0], Today, "10:00");

        var problem = await (await member.BookAsync(rooms[1], Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "member-limit");

        Assert.Equal("maxPerPeriod", problem.GetProperty("limit").GetString());
        Assert.Equal(1, problem.GetProperty("max").GetInt32());
        var counting = Assert.Single(problem.GetProperty("bookings").EnumerateArray());
        Assert.Equal(held, counting.GetProperty("id").GetGuid());
        Assert.Equal("Per period 0", counting.GetProperty("roomName").GetString());
        Assert.Contains("Per period 0", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_third_booking_on_one_date_is_409_member_limit_per_day()
    {
        await (await _admin.PutAsync("/api/admin/booking-window", new { mode = "LeadTime", leadMinutes = 600 })).ShouldBe(HttpStatusCode.OK);
        var member = await app.SignInNewAsync();
        var room = (await RoomsAsync("Per day", 1))[0];
        await member.BookOkAsync(room, Today, "10:00");
        await member.BookOkAsync(room, Today, "13:00");

        var problem = await (await member.BookAsync(room, Today, "15:00")).ShouldBeProblem(HttpStatusCode.Conflict, "member-limit");

        Assert.Equal("maxPerDay", problem.GetProperty("limit").GetString());
        Assert.Equal(2, problem.GetProperty("bookings").GetArrayLength());
    }

    [Fact]
    public async Task A_cancelled_booking_gives_its_place_back()
    {
        var member = await app.SignInNewAsync();
        var rooms = await RoomsAsync("Given back", 2);
        var first = await member.BookOkAsync(rooms[0], Today, "10:00");
        await (await member.PostAsync($"/api/bookings/{first}/cancel")).ShouldBe(HttpStatusCode.OK);

        await (await member.BookAsync(rooms[1], Today, "10:00")).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_limit_of_zero_means_no_limit()
    {
        await SetLimitsAsync(0, 0, 0);
        var member = await app.SignInNewAsync();
        var rooms = await RoomsAsync("No limit", 3);

        foreach (var room in rooms) await (await member.BookAsync(room, Today, "10:00")).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Admins_are_held_to_the_limits_unless_the_setting_exempts_them()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var rooms = await RoomsAsync("Admin limit", 3);
        await admin.BookOkAsync(rooms[0], Today, "10:00");
        await (await admin.BookAsync(rooms[1], Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "member-limit");

        await SetLimitsAsync(1, 2, 10, adminsExempt: true);

        await (await admin.BookAsync(rooms[2], Today, "10:00")).ShouldBe(HttpStatusCode.Created);
    }
}
