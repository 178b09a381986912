using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Domain.BookingAssert;

namespace MeetingRoom.Tests.Domain;

/// <summary>Auto-release of no-shows and auto-end at period end (default slot starts 01:00Z, ends 02:50Z).</summary>
public sealed class BookingClockTransitionTests
{
    private static readonly TimeSpan NoShow = TimeSpan.FromMinutes(10);
    private static readonly DateTimeOffset Start = Instants.Utc(2026, 11, 23, 1, 0);
    private static readonly DateTimeOffset End = Instants.Utc(2026, 11, 23, 2, 50);

    [Fact]
    public void Release_at_exactly_the_no_show_limit_releases_the_booking()
    {
        var booking = A.Booking().Confirmed().Build();

        Assert.True(booking.Release(Start + NoShow, NoShow).IsOk);

        Assert.Equal(BookingState.Released, booking.State);
        var released = RaisedOnly<BookingReleased>(booking);
        Assert.Equal((booking.Id, People.Booker.Id), (released.BookingId, released.BookedBy));
    }

    [Fact]
    public void Release_one_tick_before_the_limit_is_refused_with_the_release_instant()
    {
        var booking = A.Booking().Confirmed().Build();

        var refusal = Refused(booking, b => b.Release(Start + NoShow - Instants.Tick, NoShow), RefusalReason.NotOpenYet);

        Assert.Equal(Start + NoShow, refusal.OpensAt);
    }

    [Fact]
    public void A_booking_made_after_the_no_show_limit_gets_the_full_no_show_time_from_when_it_was_made()
    {
        var madeLate = Start + NoShow;
        var booking = A.Booking().PlacedAt(madeLate).Build();

        var refusal = Refused(booking, b => b.Release(madeLate + NoShow - Instants.Tick, NoShow), RefusalReason.NotOpenYet);

        Assert.Equal(madeLate + NoShow, refusal.OpensAt);
    }

    [Theory]
    [InlineData(BookingState.InMeeting)]
    [InlineData(BookingState.PendingApproval)]
    [InlineData(BookingState.Cancelled)]
    [InlineData(BookingState.Ended)]
    public void Release_of_a_booking_that_is_not_confirmed_is_refused(BookingState state)
    {
        Refused(A.Booking().In(state).Build(), b => b.Release(Start + NoShow, NoShow), RefusalReason.WrongState);
    }

    [Fact]
    public void A_released_booking_no_longer_holds_the_slot()
    {
        var booking = A.Booking().Confirmed().Build();
        booking.Release(Start + NoShow, NoShow);

        Assert.False(booking.State.IsActive());
    }

    [Fact]
    public void End_at_period_end_ends_a_meeting_still_in_progress()
    {
        var booking = A.Booking().InMeeting().Build();

        Assert.True(booking.EndAtPeriodEnd(End).IsOk);

        Assert.Equal((BookingState.Ended, End), (booking.State, booking.EndedAt));
        var ended = RaisedOnly<MeetingEnded>(booking);
        Assert.Equal((MemberId.System, false), (ended.EndedBy, ended.EndedEarly));
    }

    [Fact]
    public void End_at_period_end_before_the_end_is_refused()
    {
        Refused(A.Booking().InMeeting().Build(), b => b.EndAtPeriodEnd(End - Instants.Tick), RefusalReason.NotOpenYet);
    }

    [Fact]
    public void End_at_period_end_of_a_meeting_not_in_progress_is_refused()
    {
        Refused(A.Booking().Confirmed().Build(), b => b.EndAtPeriodEnd(End), RefusalReason.WrongState);
    }

    [Theory]
    [InlineData(BookingState.Confirmed)]
    [InlineData(BookingState.PendingApproval)]
    [InlineData(BookingState.InMeeting)]
    public void Cancel_for_room_cancels_any_active_booking_with_its_cause(BookingState state)
    {
        var booking = A.Booking().In(state).Build();

        Assert.True(booking.CancelForRoom(People.Admin, CancellationCause.RoomOutOfService, "Flooded", Start).IsOk);

        Assert.Equal(BookingState.Cancelled, booking.State);
        var cancelled = RaisedOnly<BookingCancelled>(booking);
        Assert.Equal((CancellationCause.RoomOutOfService, "Flooded", true), (cancelled.Cause, cancelled.Reason, cancelled.ByAdmin));
    }

    [Fact]
    public void Cancel_for_room_by_a_member_is_refused()
    {
        Refused(A.Booking().Confirmed().Build(), b => b.CancelForRoom(People.Booker, CancellationCause.RoomOutOfService, "x", Start), RefusalReason.AdminOnly);
    }

    [Fact]
    public void Cancel_for_room_leaves_a_past_booking_alone()
    {
        Refused(A.Booking().Confirmed().Build(), b => b.CancelForRoom(People.Admin, CancellationCause.RoomDeleted, "x", End), RefusalReason.PeriodOver);
    }

    [Fact]
    public void Cancel_for_room_leaves_a_finished_booking_alone()
    {
        Refused(A.Booking().Ended().Build(), b => b.CancelForRoom(People.Admin, CancellationCause.RoomDeleted, "x", Start), RefusalReason.WrongState);
    }

    [Fact]
    public void A_member_cancelling_their_own_booking_gives_cause_booker_and_an_admin_cause_admin()
    {
        var own = A.Booking().Confirmed().Build();
        var other = A.Booking().Confirmed().Build();

        own.Cancel(People.Booker, null, Start - TimeSpan.FromMinutes(5));
        other.Cancel(People.Admin, "Fire drill", Start - TimeSpan.FromMinutes(5));

        Assert.Equal(CancellationCause.Booker, RaisedOnly<BookingCancelled>(own).Cause);
        Assert.Equal(CancellationCause.Admin, RaisedOnly<BookingCancelled>(other).Cause);
    }

    [Fact]
    public void A_cancelled_booking_keeps_its_cause()
    {
        var own = A.Booking().Confirmed().Build();
        var removed = A.Booking().Confirmed().Build();

        own.Cancel(People.Booker, null, Start - TimeSpan.FromMinutes(5));
        removed.CancelForRoom(People.Admin, CancellationCause.RoomDeleted, null, Start);

        Assert.Equal(CancellationCause.Booker, own.CancelCause);
        Assert.Equal(CancellationCause.RoomDeleted, removed.CancelCause);
        Assert.Null(removed.Reason); // the cause says it, in the reader's language
    }
}
