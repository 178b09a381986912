using System.Net;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>The booking lifecycle through HTTP on a real SQLite file (B1–B4, B6). Clock: 2026-11-23 10:05 Asia/Seoul.</summary>
public sealed class BookingLifecycleTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private ApiClient _admin = null!;

    public async Task InitializeAsync()
    {
        app.Clock.Set(DefaultNow);
        _admin = await app.SignInNewAsync(admin: true);
        // These tests move the clock past 10:10 and expect untouched bookings: no auto-release here.
        await (await _admin.PutAsync("/api/admin/booking-window", new { mode = "AtPeriodStart", noShowMinutes = 0 })).ShouldBe(HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<int> NewRoomAsync(bool requiresApproval = false) =>
        _admin.CreateRoomAsync($"Room {Guid.NewGuid():N}", requiresApproval: requiresApproval);

    [Fact]
    public async Task Booking_an_open_slot_answers_201_with_location_and_the_confirmed_booking()
    {
        var member = await app.SignInNewAsync(name: "Minji Kim");
        var room = await NewRoomAsync();

        var response = await member.BookAsync(room, Today, "10:00");

        await response.ShouldBe(HttpStatusCode.Created);
        var booking = await response.Json();
        Assert.Equal($"/api/bookings/{booking.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Confirmed", booking.GetProperty("state").GetString());
        Assert.Equal("Minji Kim", booking.GetProperty("bookedBy").GetString());
        Assert.Equal("2026-11-23T10:00:00+09:00", booking.GetProperty("startsAt").GetString());
    }

    [Fact]
    public async Task Book_start_end_then_the_rest_of_the_period_can_be_booked_again()
    {
        var first = await app.SignInNewAsync();
        var second = await app.SignInNewAsync();
        var room = await NewRoomAsync();
        var id = await first.BookOkAsync(room, Today, "10:00");

        await (await first.PostAsync($"/api/bookings/{id}/start")).ShouldBe(HttpStatusCode.OK);
        var ended = await first.PostAsync($"/api/bookings/{id}/end");
        await ended.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Ended", (await ended.Json()).GetProperty("state").GetString());

        await (await second.BookAsync(room, Today, "10:00")).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Cancelled_slot_can_be_booked_again_at_once()
    {
        var first = await app.SignInNewAsync();
        var second = await app.SignInNewAsync();
        var room = await NewRoomAsync();
        var id = await first.BookOkAsync(room, Today, "10:00");

        var cancelled = await first.PostAsync($"/api/bookings/{id}/cancel");

        await cancelled.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Cancelled", (await cancelled.Json()).GetProperty("state").GetString());
        await (await second.BookAsync(room, Today, "10:00")).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_booked_slot_is_refused_to_the_next_member_as_slot_taken()
    {
        var first = await app.SignInNewAsync();
        var second = await app.SignInNewAsync();
        var room = await NewRoomAsync();
        await first.BookOkAsync(room, Today, "10:00");

        var problem = await (await second.BookAsync(room, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");

        Assert.Equal("Already taken.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Start_by_another_member_is_403_not_the_booker()
    {
        var booker = await app.SignInNewAsync();
        var other = await app.SignInNewAsync();
        var id = await booker.BookOkAsync(await NewRoomAsync(), Today, "10:00");

        await (await other.PostAsync($"/api/bookings/{id}/start")).ShouldBeProblem(HttpStatusCode.Forbidden, "not-the-booker");
    }

    [Fact]
    public async Task Cancel_by_another_member_is_403_not_the_booker()
    {
        var booker = await app.SignInNewAsync();
        var other = await app.SignInNewAsync();
        var id = await booker.BookOkAsync(await NewRoomAsync(), Today, "10:00");

        await (await other.PostAsync($"/api/bookings/{id}/cancel")).ShouldBeProblem(HttpStatusCode.Forbidden, "not-the-booker");
    }

    [Fact]
    public async Task Admin_may_cancel_any_booking_with_a_reason()
    {
        var booker = await app.SignInNewAsync();
        var id = await booker.BookOkAsync(await NewRoomAsync(), Today, "10:00");

        var response = await _admin.PostAsync($"/api/bookings/{id}/cancel", new { reason = "Fire drill" });

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Fire drill", (await response.Json()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Ending_a_meeting_that_has_not_started_is_409_wrong_state()
    {
        var booker = await app.SignInNewAsync();
        var id = await booker.BookOkAsync(await NewRoomAsync(), Today, "10:00");

        await (await booker.PostAsync($"/api/bookings/{id}/end")).ShouldBeProblem(HttpStatusCode.Conflict, "wrong-state");
    }

    [Fact]
    public async Task Starting_after_the_period_is_over_is_409_period_over()
    {
        var booker = await app.SignInNewAsync();
        var id = await booker.BookOkAsync(await NewRoomAsync(), Today, "10:00");
        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T11:50:00+09:00"));

        await (await booker.PostAsync($"/api/bookings/{id}/start")).ShouldBeProblem(HttpStatusCode.Conflict, "period-over");
    }

    [Fact]
    public async Task Booking_before_the_window_opens_is_409_not_open_yet_with_opensAt()
    {
        var member = await app.SignInNewAsync();

        var problem = await (await member.BookAsync(await NewRoomAsync(), Today, "13:00"))
            .ShouldBeProblem(HttpStatusCode.Conflict, "not-open-yet");

        Assert.Equal("2026-11-23T13:00:00+09:00", problem.GetProperty("opensAt").GetString());
    }

    [Fact]
    public async Task The_slot_becomes_bookable_when_the_clock_reaches_its_opening()
    {
        var member = await app.SignInNewAsync();
        var room = await NewRoomAsync();
        await (await member.BookAsync(room, Today, "13:00")).ShouldBeProblem(HttpStatusCode.Conflict, "not-open-yet");

        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T13:00:00+09:00"));

        await (await member.BookAsync(room, Today, "13:00")).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task My_bookings_lists_the_members_own_bookings_with_states_as_strings()
    {
        var member = await app.SignInNewAsync();
        var other = await app.SignInNewAsync();
        var room = await NewRoomAsync();
        var id = await member.BookOkAsync(room, Today, "10:00");
        await member.PostAsync($"/api/bookings/{id}/start");
        await other.BookOkAsync(await NewRoomAsync(), Today, "10:00");

        var mine = await member.GetJsonAsync<System.Text.Json.JsonElement>("/api/me/bookings");

        var only = Assert.Single(mine.EnumerateArray());
        Assert.Equal(id, only.GetProperty("id").GetGuid());
        Assert.Equal("InMeeting", only.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_member_cannot_read_someone_elses_booking()
    {
        var member = await app.SignInNewAsync();
        var other = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await NewRoomAsync(), Today, "10:00");

        await (await other.GetAsync($"/api/bookings/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-booking");
    }

    [Fact]
    public async Task Approval_room_booking_is_pending_until_an_admin_approves_it()
    {
        var member = await app.SignInNewAsync();
        var response = await member.BookAsync(await NewRoomAsync(requiresApproval: true), Today, "10:00");
        await response.ShouldBe(HttpStatusCode.Created);
        var booking = await response.Json();
        Assert.Equal("PendingApproval", booking.GetProperty("state").GetString());

        var approved = await _admin.PostAsync($"/api/bookings/{booking.GetProperty("id").GetGuid()}/approve");

        await approved.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Confirmed", (await approved.Json()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Denied_booking_is_cancelled_with_the_reason()
    {
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await NewRoomAsync(requiresApproval: true), Today, "10:00");

        var denied = await _admin.PostAsync($"/api/bookings/{id}/deny", new { reason = "Reserved for the board" });

        await denied.ShouldBe(HttpStatusCode.OK);
        var body = await denied.Json();
        Assert.Equal("Cancelled", body.GetProperty("state").GetString());
        Assert.Equal("Reserved for the board", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Denying_without_a_reason_is_400_with_the_field_named()
    {
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await NewRoomAsync(requiresApproval: true), Today, "10:00");

        var problem = await (await _admin.PostAsync($"/api/bookings/{id}/deny", new { reason = " " }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task A_pending_booking_holds_the_slot()
    {
        var first = await app.SignInNewAsync();
        var second = await app.SignInNewAsync();
        var room = await NewRoomAsync(requiresApproval: true);
        await first.BookOkAsync(room, Today, "10:00");

        await (await second.BookAsync(room, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
    }
}
