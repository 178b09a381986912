using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Meetings;
using MeetingRoom.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>F3 through the API on a real SQLite file: joining, leaving, listing, and the hand-over when a slot frees.</summary>
public sealed class WaitlistApiTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static Task<HttpResponseMessage> JoinAsync(ApiClient member, int room, string start = "10:00") =>
        member.PostAsync("/api/waitlist", new { roomId = room, date = Today, start });

    private static async Task<WaitlistPlaceDto> JoinOkAsync(ApiClient member, int room)
    {
        var response = await JoinAsync(member, room);
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<WaitlistPlaceDto>(ApiClient.Json))!;
    }

    private static async Task<List<WaitlistEntryDto>> MineAsync(ApiClient member) =>
        await member.GetJsonAsync<List<WaitlistEntryDto>>("/api/me/waitlist");

    /// <summary>A room whose 10:00 slot today is held by a new member; returns the room, the holder and the booking.</summary>
    private async Task<(int Room, ApiClient Holder, Guid Booking)> HeldSlotAsync(string name, bool requiresApproval = false)
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync(name, requiresApproval: requiresApproval);
        var holder = await app.SignInNewAsync();
        return (room, holder, await holder.BookOkAsync(room, Today, "10:00"));
    }

    private async Task HandOversDoneAsync()
    {
        await app.WaitForHandlerAsync(WaitlistHandOver.HandlerName);
        await app.WaitForHandlerAsync(ScheduleProjection.HandlerName);
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
    }

    private static async Task<BookingDto?> BookingOfAsync(ApiClient member, int room) =>
        (await member.GetJsonAsync<List<BookingDto>>("/api/me/bookings")).FirstOrDefault(b => b.RoomId == room && b.State.IsActive());

    [Fact]
    public async Task Joining_a_held_slot_is_201_with_the_place_and_the_position_in_line()
    {
        var (room, _, _) = await HeldSlotAsync("Line of two");

        var first = await JoinOkAsync(await app.SignInNewAsync(), room);
        var second = await JoinOkAsync(await app.SignInNewAsync(), room);

        Assert.Equal((1, 2), (first.Position, second.Position));
        Assert.True(second.Id > first.Id);
    }

    [Fact]
    public async Task Joining_a_free_slot_is_409_slot_free()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Free to book");

        await (await JoinAsync(await app.SignInNewAsync(), room)).ShouldBeProblem(HttpStatusCode.Conflict, "slot-free");
    }

    [Fact]
    public async Task Joining_twice_is_409_already_waiting()
    {
        var (room, _, _) = await HeldSlotAsync("Twice in line");
        var member = await app.SignInNewAsync();
        await JoinOkAsync(member, room);

        await (await JoinAsync(member, room)).ShouldBeProblem(HttpStatusCode.Conflict, "already-waiting");
    }

    [Fact]
    public async Task Joining_when_the_member_could_not_receive_the_slot_is_409_member_limit()
    {
        var (room, _, _) = await HeldSlotAsync("Line over limit");
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        await member.BookOkAsync(await admin.CreateRoomAsync("Already held elsewhere"), Today, "10:00");

        await (await JoinAsync(member, room)).ShouldBeProblem(HttpStatusCode.Conflict, "member-limit");
    }

    [Fact]
    public async Task Joining_a_slot_one_holds_is_409_already_yours()
    {
        var (room, holder, _) = await HeldSlotAsync("Mine already");

        await (await JoinAsync(holder, room)).ShouldBeProblem(HttpStatusCode.Conflict, "already-yours");
    }

    [Fact]
    public async Task My_waitlist_lists_the_place_with_its_room_and_position()
    {
        var (room, _, _) = await HeldSlotAsync("Listed line");
        await JoinOkAsync(await app.SignInNewAsync(), room);
        var member = await app.SignInNewAsync();
        var place = await JoinOkAsync(member, room);

        var mine = Assert.Single(await MineAsync(member));

        Assert.Equal((place.Id, "Listed line", "10:00", "11:50", WaitlistState.Waiting, (int?)2),
            (mine.Id, mine.RoomName, mine.Start, mine.End, mine.State, mine.Position));
    }

    [Fact]
    public async Task Leaving_is_204_and_the_place_is_no_longer_listed()
    {
        var (room, _, _) = await HeldSlotAsync("Leaving line");
        var member = await app.SignInNewAsync();
        var place = await JoinOkAsync(member, room);

        await (await member.DeleteAsync($"/api/waitlist/{place.Id}")).ShouldBe(HttpStatusCode.NoContent);

        Assert.Empty(await MineAsync(member));
    }

    [Fact]
    public async Task Leaving_someone_elses_place_is_404()
    {
        var (room, _, _) = await HeldSlotAsync("Not your line");
        var place = await JoinOkAsync(await app.SignInNewAsync(), room);

        await (await (await app.SignInNewAsync()).DeleteAsync($"/api/waitlist/{place.Id}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "unknown-waitlist-entry");
    }

    [Fact]
    public async Task Leaving_twice_is_409_wrong_state()
    {
        var (room, _, _) = await HeldSlotAsync("Left already");
        var member = await app.SignInNewAsync();
        var place = await JoinOkAsync(member, room);
        await member.DeleteAsync($"/api/waitlist/{place.Id}");

        await (await member.DeleteAsync($"/api/waitlist/{place.Id}")).ShouldBeProblem(HttpStatusCode.Conflict, "wrong-state");
    }

    [Fact]
    public async Task The_schedule_shows_how_many_wait_on_a_held_slot()
    {
        var (room, _, _) = await HeldSlotAsync("Counted line");
        await JoinOkAsync(await app.SignInNewAsync(), room);
        await JoinOkAsync(await app.SignInNewAsync(), room);
        await HandOversDoneAsync();

        var schedule = await (await app.SignInNewAsync()).GetJsonAsync<ScheduleDto>($"/api/schedule?date={Today}");

        var cell = schedule.Rooms.Single(r => r.RoomId == room).Cells.Single(c => c.Start == "10:00");
        Assert.Equal((SlotStatus.Booked, 2), (cell.State, cell.Waiting));
    }

    [Fact]
    public async Task A_cancel_gives_the_slot_to_the_first_in_line()
    {
        var (room, holder, booking) = await HeldSlotAsync("Cancel hands over");
        var first = await app.SignInNewAsync();
        var second = await app.SignInNewAsync();
        await JoinOkAsync(first, room);
        await JoinOkAsync(second, room);

        await (await holder.PostAsync($"/api/bookings/{booking}/cancel")).ShouldBe(HttpStatusCode.OK);
        await HandOversDoneAsync();

        Assert.Equal(BookingState.Confirmed, (await BookingOfAsync(first, room))?.State);
        Assert.Null(await BookingOfAsync(second, room));
    }

    [Fact]
    public async Task The_next_in_line_moves_up_when_the_first_is_served()
    {
        var (room, holder, booking) = await HeldSlotAsync("Moving up");
        await JoinOkAsync(await app.SignInNewAsync(), room);
        var second = await app.SignInNewAsync();
        await JoinOkAsync(second, room);

        await holder.PostAsync($"/api/bookings/{booking}/cancel");
        await HandOversDoneAsync();

        Assert.Equal(1, Assert.Single(await MineAsync(second)).Position);
    }

    [Fact]
    public async Task The_member_served_is_told_which_room_and_period_they_got()
    {
        var (room, holder, booking) = await HeldSlotAsync("Harbor told");
        var member = await app.SignInNewAsync();
        await JoinOkAsync(member, room);

        await holder.PostAsync($"/api/bookings/{booking}/cancel");
        await HandOversDoneAsync();

        var inbox = await member.GetJsonAsync<JsonElement>("/api/me/notifications");
        var note = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal("You got Harbor told 10:00–11:50 from the waitlist", note.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_served_place_shows_the_booking_received()
    {
        var (room, holder, booking) = await HeldSlotAsync("Served place");
        var member = await app.SignInNewAsync();
        await JoinOkAsync(member, room);

        await holder.PostAsync($"/api/bookings/{booking}/cancel");
        await HandOversDoneAsync();

        var mine = Assert.Single(await MineAsync(member));
        Assert.Equal((WaitlistState.Served, (await BookingOfAsync(member, room))?.Id), (mine.State, mine.BookingId));
    }

    [Fact]
    public async Task An_early_end_gives_the_rest_of_the_period_to_the_first_in_line()
    {
        var (room, holder, booking) = await HeldSlotAsync("Early end hands over");
        var member = await app.SignInNewAsync();
        await JoinOkAsync(member, room);

        await (await holder.PostAsync($"/api/bookings/{booking}/start")).ShouldBe(HttpStatusCode.OK);
        await (await holder.PostAsync($"/api/bookings/{booking}/end")).ShouldBe(HttpStatusCode.OK);
        await HandOversDoneAsync();

        Assert.NotNull(await BookingOfAsync(member, room));
    }

    [Fact]
    public async Task A_denial_gives_a_pending_booking_to_the_first_in_line()
    {
        var (room, _, booking) = await HeldSlotAsync("Denial hands over", requiresApproval: true);
        var member = await app.SignInNewAsync();
        await JoinOkAsync(member, room);

        var admin = await app.SignInNewAsync(admin: true);
        await (await admin.PostAsync($"/api/bookings/{booking}/deny", new { reason = "Board meeting" })).ShouldBe(HttpStatusCode.OK);
        await HandOversDoneAsync();

        Assert.Equal(BookingState.PendingApproval, (await BookingOfAsync(member, room))?.State);
    }

    [Fact]
    public async Task A_no_show_release_gives_the_slot_to_the_first_in_line_who_then_has_the_full_time_to_check_in()
    {
        var (room, _, _) = await HeldSlotAsync("No-show hands over");
        var member = await app.SignInNewAsync();
        await JoinOkAsync(member, room);
        var clock = app.Services.GetServices<IHostedService>().OfType<BookingClock>().Single();

        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T10:15:00+09:00")); // the holder booked at 10:05: their 10 minutes are up
        try
        {
            await clock.RunOnceAsync();
            await HandOversDoneAsync();
            await clock.RunOnceAsync();

            Assert.Equal(BookingState.Confirmed, (await BookingOfAsync(member, room))?.State);
        }
        finally
        {
            app.Clock.Set(DefaultNow);
        }
    }

    [Fact]
    public async Task A_room_back_in_service_goes_to_the_first_in_line()
    {
        var (room, _, _) = await HeldSlotAsync("Back in service");
        var member = await app.SignInNewAsync();
        await JoinOkAsync(member, room);
        var admin = await app.SignInNewAsync(admin: true);
        await (await admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Leak" })).ShouldBe(HttpStatusCode.OK);
        await HandOversDoneAsync();
        Assert.Null(await BookingOfAsync(member, room));

        await (await admin.PostAsync($"/api/rooms/{room}/in-service")).ShouldBe(HttpStatusCode.OK);
        await HandOversDoneAsync();

        Assert.NotNull(await BookingOfAsync(member, room));
    }

    [Fact]
    public async Task A_member_who_reached_a_limit_meanwhile_is_passed_over_and_keeps_the_place()
    {
        var (room, holder, booking) = await HeldSlotAsync("Passed over");
        var busy = await app.SignInNewAsync();
        var next = await app.SignInNewAsync();
        await JoinOkAsync(busy, room);
        await JoinOkAsync(next, room);
        var admin = await app.SignInNewAsync(admin: true);
        await busy.BookOkAsync(await admin.CreateRoomAsync("Busy elsewhere"), Today, "10:00");

        await holder.PostAsync($"/api/bookings/{booking}/cancel");
        await HandOversDoneAsync();

        Assert.NotNull(await BookingOfAsync(next, room));
        Assert.Equal(WaitlistState.Waiting, Assert.Single(await MineAsync(busy)).State);
    }

    [Fact]
    public async Task A_member_in_line_who_books_the_slot_directly_leaves_the_line()
    {
        var (room, holder, booking) = await HeldSlotAsync("Booked directly");
        var member = await app.SignInNewAsync();
        await JoinOkAsync(member, room);
        var admin = await app.SignInNewAsync(admin: true);
        var elsewhere = await member.BookOkAsync(await admin.CreateRoomAsync("Booked directly elsewhere"), Today, "10:00");
        await holder.PostAsync($"/api/bookings/{booking}/cancel");
        await HandOversDoneAsync(); // passed over: the member held another room of the period
        await member.PostAsync($"/api/bookings/{elsewhere}/cancel");

        await (await member.BookAsync(room, Today, "10:00")).ShouldBe(HttpStatusCode.Created);
        await HandOversDoneAsync();

        Assert.Empty(await MineAsync(member));
    }

    [Fact]
    public async Task A_waitlist_ends_with_its_period()
    {
        var (room, _, _) = await HeldSlotAsync("Ended line");
        var member = await app.SignInNewAsync();
        await JoinOkAsync(member, room);

        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T11:50:00+09:00"));
        try
        {
            Assert.Empty(await MineAsync(member));
        }
        finally
        {
            app.Clock.Set(DefaultNow);
        }
    }
}
