using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>Timetable and booking-window settings (T1, T2, T4) and their effect on booking.</summary>
public sealed class SiteSettingsTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private ApiClient _admin = null!;

    public async Task InitializeAsync() => _admin = await app.SignInNewAsync(admin: true);

    public async Task DisposeAsync()
    {
        await _admin.PutAsync("/api/admin/booking-window", new { mode = "AtPeriodStart" });
        await _admin.PutAsync("/api/admin/timetable", new
        {
            timeZone = "Asia/Seoul",
            periods = new[] { P("08:00", "09:50"), P("10:00", "11:50"), P("13:00", "14:50"), P("15:00", "16:50"), P("17:00", "18:50") },
        });
    }

    private static object P(string start, string end) => new { start, end };

    [Fact]
    public async Task The_default_timetable_is_five_periods_in_Asia_Seoul()
    {
        var timetable = await _admin.GetJsonAsync<JsonElement>("/api/admin/timetable");

        Assert.Equal("Asia/Seoul", timetable.GetProperty("timeZone").GetString());
        Assert.Equal(["08:00", "10:00", "13:00", "15:00", "17:00"],
            timetable.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("start").GetString()!).ToArray());
    }

    [Fact]
    public async Task Overlapping_periods_and_an_unknown_zone_are_refused_with_field_errors()
    {
        var problem = await (await _admin.PutAsync("/api/admin/timetable", new
            {
                timeZone = "Mars/Olympus",
                periods = new[] { P("09:00", "10:30"), P("10:00", "11:00") },
            }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("periods", out _));
    }

    [Fact]
    public async Task A_new_timetable_is_used_for_booking_at_once()
    {
        // Its own app: the change removes periods, which active bookings of the other tests here would hold (timetable-in-use).
        using var fresh = new MeetingRoomFactory();
        var admin = await fresh.SignInNewAsync(admin: true);
        var member = await fresh.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Timetable room");
        await (await admin.PutAsync("/api/admin/timetable", new
        {
            timeZone = "Asia/Seoul",
            periods = new[] { P("09:00", "10:00"), P("10:00", "12:00") },
        })).ShouldBe(HttpStatusCode.OK);

        await (await member.BookAsync(room, Today, "13:00")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-period");
        var booking = await (await member.BookAsync(room, Today, "10:00")).Json();
        Assert.Equal("12:00", booking.GetProperty("end").GetString());
    }

    [Fact]
    public async Task Daily_at_rule_opens_tomorrows_slots_today()
    {
        var member = await app.SignInNewAsync();
        var room = await _admin.CreateRoomAsync("Daily rule room");
        await (await member.BookAsync(room, "2026-11-24", "08:00")).ShouldBeProblem(HttpStatusCode.Conflict, "not-open-yet");

        var rule = await _admin.PutAsync("/api/admin/booking-window", new { mode = "DailyAt", dailyAt = "09:00", daysBefore = 1 });

        await rule.ShouldBe(HttpStatusCode.OK);
        await (await member.BookAsync(room, "2026-11-24", "08:00")).ShouldBe(HttpStatusCode.Created);
        var problem = await (await member.BookAsync(room, "2026-11-25", "08:00")).ShouldBeProblem(HttpStatusCode.Conflict, "not-open-yet");
        Assert.Equal("2026-11-24T09:00:00+09:00", problem.GetProperty("opensAt").GetString());
    }

    [Fact]
    public async Task Daily_at_rule_may_open_on_a_given_second()
    {
        var member = await app.SignInNewAsync();
        var room = await _admin.CreateRoomAsync("Daily second room");

        var rule = await _admin.PutAsync("/api/admin/booking-window", new { mode = "DailyAt", dailyAt = "12:00:30", daysBefore = 2 });

        await rule.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("12:00:30", (await _admin.GetJsonAsync<JsonElement>("/api/admin/booking-window")).GetProperty("dailyAt").GetString());
        var problem = await (await member.BookAsync(room, "2026-11-25", "08:00")).ShouldBeProblem(HttpStatusCode.Conflict, "not-open-yet");
        Assert.Equal("2026-11-23T12:00:30+09:00", problem.GetProperty("opensAt").GetString());
    }

    [Fact]
    public async Task Lead_time_rule_opens_a_slot_that_long_before_its_period()
    {
        var member = await app.SignInNewAsync();
        var room = await _admin.CreateRoomAsync("Lead rule room");

        await (await _admin.PutAsync("/api/admin/booking-window", new { mode = "LeadTime", leadMinutes = 180 })).ShouldBe(HttpStatusCode.OK);

        await (await member.BookAsync(room, Today, "13:00")).ShouldBe(HttpStatusCode.Created);
        var problem = await (await member.BookAsync(room, Today, "15:00")).ShouldBeProblem(HttpStatusCode.Conflict, "not-open-yet");
        Assert.Equal("2026-11-23T12:00:00+09:00", problem.GetProperty("opensAt").GetString());
    }

    [Fact]
    public async Task An_unknown_window_mode_is_400()
    {
        var problem = await (await _admin.PutAsync("/api/admin/booking-window", new { mode = "Whenever" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        Assert.True(problem.GetProperty("errors").TryGetProperty("mode", out _));
    }
}
