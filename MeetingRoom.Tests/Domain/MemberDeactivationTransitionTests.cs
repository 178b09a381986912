using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Domain.BookingAssert;

namespace MeetingRoom.Tests.Domain;

/// <summary>
/// P1, deactivation: the booker's bookings are closed (not started: cancelled with cause MemberDeactivated; in a
/// meeting: ended, freeing the rest of the period) and their places in line are removed. Default slot 01:00Z–02:50Z.
/// </summary>
public sealed class MemberDeactivationTransitionTests
{
    private static readonly DateTimeOffset Before = Instants.Utc(2026, 11, 23, 0, 30);
    private static readonly DateTimeOffset During = Instants.Utc(2026, 11, 23, 1, 20);
    private static readonly DateTimeOffset End = Instants.Utc(2026, 11, 23, 2, 50);

    [Theory]
    [InlineData(BookingState.Confirmed)]
    [InlineData(BookingState.PendingApproval)]
    public void A_booking_not_started_is_cancelled_with_the_cause_member_deactivated(BookingState state)
    {
        var booking = A.Booking().In(state).Build();

        Assert.True(booking.CloseForDeactivatedMember(People.Admin, Before).IsOk);

        Assert.Equal((BookingState.Cancelled, CancellationCause.MemberDeactivated, Before, People.Admin.Id, null),
            (booking.State, booking.CancelCause, booking.CancelledAt, booking.ClosedBy, booking.Reason));
    }

    [Fact]
    public void Cancelling_for_a_deactivated_member_raises_BookingCancelled_by_an_admin_with_the_cause()
    {
        var booking = A.Booking().Confirmed().Build();

        booking.CloseForDeactivatedMember(People.Admin, Before);

        var cancelled = RaisedOnly<BookingCancelled>(booking);
        Assert.Equal((booking.Id, People.Booker.Id, People.Admin.Id, true, CancellationCause.MemberDeactivated, (string?)null),
            (cancelled.BookingId, cancelled.BookedBy, cancelled.CancelledBy, cancelled.ByAdmin, cancelled.Cause, cancelled.Reason));
    }

    [Fact]
    public void A_confirmed_booking_whose_period_is_under_way_is_cancelled()
    {
        var booking = A.Booking().Confirmed().Build();

        Assert.True(booking.CloseForDeactivatedMember(People.Admin, During).IsOk);

        Assert.Equal(BookingState.Cancelled, booking.State);
    }

    [Fact]
    public void A_meeting_in_progress_is_ended_now_and_the_rest_of_the_period_freed()
    {
        var booking = A.Booking().InMeeting().Build();

        Assert.True(booking.CloseForDeactivatedMember(People.Admin, During).IsOk);

        Assert.Equal((BookingState.Ended, During, People.Admin.Id), (booking.State, booking.EndedAt, booking.ClosedBy));
        var ended = RaisedOnly<MeetingEnded>(booking);
        Assert.Equal((People.Admin.Id, true), (ended.EndedBy, ended.EndedEarly));
        Assert.False(booking.State.IsActive());
    }

    [Fact]
    public void Closing_for_a_deactivated_member_is_for_admins_only()
    {
        Refused(A.Booking().Confirmed().Build(), b => b.CloseForDeactivatedMember(People.OtherMember, Before), RefusalReason.AdminOnly);
    }

    [Theory]
    [InlineData(BookingState.Cancelled)]
    [InlineData(BookingState.Ended)]
    public void A_booking_no_longer_active_is_left_alone(BookingState state)
    {
        Refused(A.Booking().In(state).Build(), b => b.CloseForDeactivatedMember(People.Admin, Before), RefusalReason.WrongState);
    }

    [Fact]
    public void A_booking_whose_period_is_over_is_left_alone()
    {
        Refused(A.Booking().Confirmed().Build(), b => b.CloseForDeactivatedMember(People.Admin, End), RefusalReason.PeriodOver);
    }

    // The member's places in line: WaitlistRemovalByAdminTests (with the room deletion's).
}
