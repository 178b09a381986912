using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

public class BookingCancelTests
{
    // The default slot: 2026-11-23 10:00–11:50 in Seoul.
    private static readonly DateTimeOffset PeriodStart = Utc(2026, 11, 23, 1, 0);
    private static readonly DateTimeOffset PeriodEnd = Utc(2026, 11, 23, 2, 50);
    private static readonly DateTimeOffset Now = Utc(2026, 11, 23, 0, 40);

    [Fact]
    public void Cancel_by_the_booker_cancels_it()
    {
        var booking = A.Booking().Confirmed().Build();

        var result = booking.Cancel(People.Booker, null, Now);

        Assert.True(result.IsOk);
        Assert.Equal(BookingState.Cancelled, booking.State);
        Assert.Equal(Now, booking.CancelledAt);
        Assert.Equal(People.Booker.Id, booking.ClosedBy);
    }

    [Fact]
    public void Cancel_by_the_booker_raises_BookingCancelled_not_by_admin()
    {
        var booking = A.Booking().Confirmed().Build();

        booking.Cancel(People.Booker, null, Now);

        var cancelled = BookingAssert.RaisedOnly<BookingCancelled>(booking);
        Assert.Equal(booking.Id, cancelled.BookingId);
        Assert.Equal(booking.Slot, cancelled.Slot);
        Assert.Equal(People.Booker.Id, cancelled.BookedBy);
        Assert.Equal(People.Booker.Id, cancelled.CancelledBy);
        Assert.False(cancelled.ByAdmin);
        Assert.Null(cancelled.Reason);
        Assert.Equal(Now, cancelled.OccurredAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Cancel_without_a_reason_keeps_no_reason(string? reason)
    {
        var booking = A.Booking().Confirmed().Build();

        booking.Cancel(People.Booker, reason, Now);

        Assert.Null(booking.Reason);
    }

    [Fact]
    public void Cancel_keeps_the_reason_trimmed()
    {
        var booking = A.Booking().Confirmed().Build();

        booking.Cancel(People.Booker, "  Plans changed ", Now);

        Assert.Equal("Plans changed", booking.Reason);
    }

    [Fact]
    public void Cancel_by_an_admin_of_someone_elses_booking_cancels_it()
    {
        var booking = A.Booking().By(People.Booker).Confirmed().Build();

        var result = booking.Cancel(People.Admin, "Board meeting", Now);

        Assert.True(result.IsOk);
        Assert.Equal(BookingState.Cancelled, booking.State);
        Assert.Equal(People.Admin.Id, booking.ClosedBy);
        Assert.Equal("Board meeting", booking.Reason);
    }

    [Fact]
    public void Cancel_by_an_admin_of_someone_elses_booking_raises_BookingCancelled_by_admin_with_the_reason()
    {
        var booking = A.Booking().By(People.Booker).Confirmed().Build();

        booking.Cancel(People.Admin, "Board meeting", Now);

        var cancelled = BookingAssert.RaisedOnly<BookingCancelled>(booking);
        Assert.Equal(People.Booker.Id, cancelled.BookedBy);
        Assert.Equal(People.Admin.Id, cancelled.CancelledBy);
        Assert.True(cancelled.ByAdmin);
        Assert.Equal("Board meeting", cancelled.Reason);
    }

    [Fact]
    public void Cancel_by_an_admin_of_their_own_booking_is_not_flagged_by_admin()
    {
        var booking = A.Booking().By(People.Admin).Confirmed().Build();

        booking.Cancel(People.Admin, null, Now);

        Assert.False(BookingAssert.RaisedOnly<BookingCancelled>(booking).ByAdmin);
    }

    [Fact]
    public void Cancel_by_another_member_is_refused()
    {
        var booking = A.Booking().By(People.Booker).Confirmed().Build();

        BookingAssert.Refused(booking, b => b.Cancel(People.OtherMember, null, Now), RefusalReason.NotTheBooker);
    }

    [Fact]
    public void Cancel_of_a_pending_booking_is_allowed()
    {
        var booking = A.Booking().Pending().Build();

        var result = booking.Cancel(People.Booker, null, Now);

        Assert.True(result.IsOk);
        Assert.Equal(BookingState.Cancelled, booking.State);
        BookingAssert.RaisedOnly<BookingCancelled>(booking);
    }

    [Theory]
    [InlineData(BookingState.InMeeting)]
    [InlineData(BookingState.Ended)]
    [InlineData(BookingState.Cancelled)]
    public void Cancel_in_the_wrong_state_is_refused(BookingState state)
    {
        var booking = A.Booking().In(state).Build();

        BookingAssert.Refused(booking, b => b.Cancel(People.Booker, null, Now), RefusalReason.WrongState);
    }

    [Fact]
    public void Cancel_by_an_admin_in_the_wrong_state_is_refused()
    {
        var booking = A.Booking().InMeeting().Build();

        BookingAssert.Refused(booking, b => b.Cancel(People.Admin, null, Now), RefusalReason.WrongState);
    }

    [Fact]
    public void Cancel_once_the_period_is_over_is_refused()
    {
        var booking = A.Booking().Confirmed().Build();

        BookingAssert.Refused(booking, b => b.Cancel(People.Booker, null, PeriodEnd), RefusalReason.PeriodOver);
    }

    [Fact]
    public void Cancel_of_a_pending_booking_once_the_period_is_over_is_refused()
    {
        var booking = A.Booking().Pending().Build();

        BookingAssert.Refused(booking, b => b.Cancel(People.Admin, null, PeriodEnd), RefusalReason.PeriodOver);
    }

    [Fact]
    public void Cancel_after_the_period_started_without_check_in_is_allowed()
    {
        var booking = A.Booking().Confirmed().Build();

        var result = booking.Cancel(People.Booker, null, PeriodStart + TimeSpan.FromMinutes(15));

        Assert.True(result.IsOk);
    }

    [Fact]
    public void Cancel_in_the_last_tick_of_the_period_is_allowed()
    {
        var booking = A.Booking().Confirmed().Build();

        var result = booking.Cancel(People.Booker, null, PeriodEnd - Tick);

        Assert.True(result.IsOk);
    }

    [Fact]
    public void Cancel_by_another_member_is_refused_as_not_the_booker_before_its_state_is_considered()
    {
        var booking = A.Booking().Ended().Build();

        BookingAssert.Refused(booking, b => b.Cancel(Actor.Member("mallory"), null, Now), RefusalReason.NotTheBooker);
    }
}
