using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

public class BookingPlaceTests
{
    // The default slot: 2026-11-23 10:00–11:50 in Seoul.
    private static readonly DateTimeOffset PeriodStart = Utc(2026, 11, 23, 1, 0);
    private static readonly DateTimeOffset PeriodEnd = Utc(2026, 11, 23, 2, 50);
    private static readonly DateTimeOffset WindowOpens = Utc(2026, 11, 22, 1, 0);
    private static readonly DateTimeOffset Now = Utc(2026, 11, 22, 9, 30);

    private static readonly Slot TheSlot = A.Slot().Build();
    private static readonly BookingWindow Window = new(WindowOpens, PeriodEnd);

    private static BookingResult<Booking> Place(Room room, DateTimeOffset now) =>
        Booking.Place(room, TheSlot, Window, People.Booker.Id, "Alice", now);

    [Fact]
    public void Place_in_a_room_without_approval_is_Confirmed()
    {
        var result = Place(A.Room().Build(), Now);

        Assert.True(result.IsOk);
        Assert.Equal(BookingState.Confirmed, result.Value!.State);
    }

    [Fact]
    public void Place_in_a_room_needing_approval_is_PendingApproval()
    {
        var result = Place(A.Room().NeedingApproval().Build(), Now);

        Assert.Equal(BookingState.PendingApproval, result.Value!.State);
    }

    [Fact]
    public void Place_records_the_slot_the_booker_and_the_instant()
    {
        var booking = Place(A.Room().Build(), Now).Value!;

        Assert.Equal(TheSlot, booking.Slot);
        Assert.Equal(1, booking.RoomId);
        Assert.Equal(new DateOnly(2026, 11, 23), booking.Date);
        Assert.Equal(new TimeOnly(10, 0), booking.PeriodStart);
        Assert.Equal(new TimeOnly(11, 50), booking.PeriodEnd);
        Assert.Equal(PeriodStart, booking.StartsAt);
        Assert.Equal(PeriodEnd, booking.EndsAt);
        Assert.Equal(People.Booker.Id, booking.BookedBy);
        Assert.Equal("Alice", booking.BookedByName);
        Assert.Equal(Now, booking.BookedAt);
    }

    [Fact]
    public void Place_leaves_the_later_lifecycle_fields_empty()
    {
        var booking = Place(A.Room().Build(), Now).Value!;

        Assert.Null(booking.StartedAt);
        Assert.Null(booking.EndedAt);
        Assert.Null(booking.CancelledAt);
        Assert.Null(booking.ClosedBy);
        Assert.Null(booking.Reason);
    }

    [Fact]
    public void Place_gives_each_booking_its_own_version_7_id()
    {
        var first = Place(A.Room().Build(), Now).Value!;
        var second = Place(A.Room().Build(), Now).Value!;

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(7, first.Id.Version);
    }

    [Fact]
    public void Place_raises_one_BookingPlaced_with_its_fields()
    {
        var booking = Place(A.Room().Build(), Now).Value!;

        var placed = BookingAssert.RaisedOnly<BookingPlaced>(booking);
        Assert.Equal(booking.Id, placed.BookingId);
        Assert.Equal(TheSlot, placed.Slot);
        Assert.Equal(People.Booker.Id, placed.BookedBy);
        Assert.Equal("Alice", placed.BookedByName);
        Assert.Equal(BookingState.Confirmed, placed.State);
        Assert.Equal(Now, placed.OccurredAt);
    }

    [Fact]
    public void Place_in_a_room_needing_approval_raises_BookingPlaced_with_PendingApproval()
    {
        var booking = Place(A.Room().NeedingApproval().Build(), Now).Value!;

        Assert.Equal(BookingState.PendingApproval, BookingAssert.RaisedOnly<BookingPlaced>(booking).State);
    }

    [Fact]
    public void Place_in_a_room_out_of_service_is_refused()
    {
        var result = Place(A.Room().OutOfService().Build(), Now);

        Assert.Equal(RefusalReason.RoomOutOfService, result.Refusal?.Reason);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Place_in_a_deleted_room_is_refused()
    {
        var result = Place(A.Room().Deleted().Build(), Now);

        Assert.Equal(RefusalReason.RoomOutOfService, result.Refusal?.Reason);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Place_when_the_period_is_over_is_refused()
    {
        var result = Place(A.Room().Build(), PeriodEnd);

        Assert.Equal(RefusalReason.PeriodOver, result.Refusal?.Reason);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Place_in_the_last_tick_of_the_period_is_allowed()
    {
        var result = Place(A.Room().Build(), PeriodEnd - Tick);

        Assert.Equal(BookingState.Confirmed, result.Value?.State);
    }

    [Fact]
    public void Place_before_the_window_opens_is_refused_with_the_opening_instant()
    {
        var result = Place(A.Room().Build(), WindowOpens - Tick);

        Assert.Equal(RefusalReason.NotOpenYet, result.Refusal?.Reason);
        Assert.Equal(WindowOpens, result.Refusal?.OpensAt);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Place_exactly_at_the_opening_instant_is_allowed()
    {
        var result = Place(A.Room().Build(), WindowOpens);

        Assert.Equal(BookingState.Confirmed, result.Value?.State);
    }

    [Fact]
    public void Place_in_a_room_out_of_service_is_refused_as_such_even_when_the_period_is_over()
    {
        var result = Place(A.Room().OutOfService().Build(), PeriodEnd);

        Assert.Equal(RefusalReason.RoomOutOfService, result.Refusal?.Reason);
    }

    [Fact]
    public void Place_with_a_lead_time_rule_opens_that_long_before_the_period()
    {
        var window = BookingWindowRule.LeadTimeBefore(TimeSpan.FromDays(2)).WindowFor(TheSlot, Timetable.Default.Zone);

        var early = Booking.Place(A.Room().Build(), TheSlot, window, People.Booker.Id, "Alice", Utc(2026, 11, 21, 0, 59));

        Assert.Equal(Utc(2026, 11, 21, 1, 0), early.Refusal?.OpensAt);
    }
}
