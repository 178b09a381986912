using System.Net;
using System.Text;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>Bad input gets a clear RFC 7807 problem with a stable type, never a 500.</summary>
public sealed class BadInputTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    [Fact]
    public async Task Unknown_room_is_404_unknown_room()
    {
        var member = await app.SignInNewAsync();
        await (await member.BookAsync(999_999, Today, "10:00")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-room");
    }

    [Fact]
    public async Task A_start_time_that_is_no_period_is_404_unknown_period()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Period check");
        await (await admin.BookAsync(room, Today, "10:30")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-period");
    }

    [Fact]
    public async Task Missing_and_malformed_fields_are_400_with_each_field_named()
    {
        var member = await app.SignInNewAsync();

        var problem = await (await member.PostAsync("/api/bookings", new { date = "23/11/2026", start = "ten" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("roomId", out _));
        Assert.True(errors.TryGetProperty("date", out _));
        Assert.True(errors.TryGetProperty("start", out _));
    }

    [Fact]
    public async Task Malformed_json_is_400_invalid_input()
    {
        var member = await app.SignInNewAsync();

        var response = await member.Http.PostAsync("/api/bookings", new StringContent("{\"roomId\": \"x", Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
    }

    [Fact]
    public async Task Unknown_booking_id_is_404_unknown_booking()
    {
        var member = await app.SignInNewAsync();
        await (await member.PostAsync($"/api/bookings/{Guid.NewGuid()}/cancel")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-booking");
    }

    [Fact]
    public async Task A_bad_schedule_date_is_400_invalid_input()
    {
        var member = await app.SignInNewAsync();
        await (await member.GetAsync("/api/schedule?date=tomorrow")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
    }

    [Fact]
    public async Task Self_registration_is_closed()
    {
        var response = await app.Anonymous().PostAsync("/api/auth/register", new { email = "someone@test.local", password = "Whatever-123" });
        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "registration-closed");
    }
}
