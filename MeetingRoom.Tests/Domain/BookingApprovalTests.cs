using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

public class BookingApprovalTests
{
    // The default slot: 2026-11-23 10:00–11:50 in Seoul.
    private static readonly DateTimeOffset PeriodEnd = Utc(2026, 11, 23, 2, 50);
    private static readonly DateTimeOffset Now = Utc(2026, 11, 23, 0, 30);

    [Fact]
    public void Approve_by_an_admin_confirms_it()
    {
        var booking = A.Booking().Pending().Build();

        var result = booking.Approve(People.Admin, Now);

        Assert.True(result.IsOk);
        Assert.Equal(BookingState.Confirmed, booking.State);
    }

    [Fact]
    public void Approve_raises_one_BookingApproved_with_its_fields()
    {
        var booking = A.Booking().By(People.Booker).Pending().Build();

        booking.Approve(People.Admin, Now);

        var approved = BookingAssert.RaisedOnly<BookingApproved>(booking);
        Assert.Equal(booking.Id, approved.BookingId);
        Assert.Equal(booking.Slot, approved.Slot);
        Assert.Equal(People.Booker.Id, approved.BookedBy);
        Assert.Equal(People.Admin.Id, approved.ApprovedBy);
        Assert.Equal(Now, approved.OccurredAt);
    }

    [Fact]
    public void Approve_by_a_member_is_refused()
    {
        var booking = A.Booking().Pending().Build();

        BookingAssert.Refused(booking, b => b.Approve(People.OtherMember, Now), RefusalReason.AdminOnly);
    }

    [Fact]
    public void Approve_by_the_booker_who_is_a_member_is_refused()
    {
        var booking = A.Booking().By(People.Booker).Pending().Build();

        BookingAssert.Refused(booking, b => b.Approve(People.Booker, Now), RefusalReason.AdminOnly);
    }

    [Theory]
    [InlineData(BookingState.Confirmed)]
    [InlineData(BookingState.InMeeting)]
    [InlineData(BookingState.Ended)]
    [InlineData(BookingState.Cancelled)]
    public void Approve_in_the_wrong_state_is_refused(BookingState state)
    {
        var booking = A.Booking().In(state).Build();

        BookingAssert.Refused(booking, b => b.Approve(People.Admin, Now), RefusalReason.WrongState);
    }

    [Fact]
    public void Approve_once_the_period_is_over_is_refused()
    {
        var booking = A.Booking().Pending().Build();

        BookingAssert.Refused(booking, b => b.Approve(People.Admin, PeriodEnd), RefusalReason.PeriodOver);
    }

    [Fact]
    public void Approve_in_the_last_tick_of_the_period_is_allowed()
    {
        var booking = A.Booking().Pending().Build();

        Assert.True(booking.Approve(People.Admin, PeriodEnd - Tick).IsOk);
    }

    [Fact]
    public void Approved_booking_can_then_be_started_by_its_booker()
    {
        var booking = A.Booking().By(People.Booker).Pending().Build();
        booking.Approve(People.Admin, Now);

        var result = booking.Start(People.Booker.Id, Utc(2026, 11, 23, 1, 0), Booking.DefaultStartGrace);

        Assert.True(result.IsOk);
    }

    [Fact]
    public void Deny_by_an_admin_cancels_it_with_the_reason()
    {
        var booking = A.Booking().Pending().Build();

        var result = booking.Deny(People.Admin, "  Reserved for the board ", Now);

        Assert.True(result.IsOk);
        Assert.Equal(BookingState.Cancelled, booking.State);
        Assert.Equal("Reserved for the board", booking.Reason);
        Assert.Equal(Now, booking.CancelledAt);
        Assert.Equal(People.Admin.Id, booking.ClosedBy);
    }

    [Fact]
    public void Deny_raises_one_BookingDenied_with_its_fields()
    {
        var booking = A.Booking().By(People.Booker).Pending().Build();

        booking.Deny(People.Admin, "Reserved for the board", Now);

        var denied = BookingAssert.RaisedOnly<BookingDenied>(booking);
        Assert.Equal(booking.Id, denied.BookingId);
        Assert.Equal(booking.Slot, denied.Slot);
        Assert.Equal(People.Booker.Id, denied.BookedBy);
        Assert.Equal(People.Admin.Id, denied.DeniedBy);
        Assert.Equal("Reserved for the board", denied.Reason);
        Assert.Equal(Now, denied.OccurredAt);
    }

    [Fact]
    public void Deny_by_a_member_is_refused()
    {
        var booking = A.Booking().Pending().Build();

        BookingAssert.Refused(booking, b => b.Deny(People.OtherMember, "No", Now), RefusalReason.AdminOnly);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Deny_without_a_reason_is_refused(string? reason)
    {
        var booking = A.Booking().Pending().Build();

        BookingAssert.Refused(booking, b => b.Deny(People.Admin, reason, Now), RefusalReason.ReasonRequired);
    }

    [Theory]
    [InlineData(BookingState.Confirmed)]
    [InlineData(BookingState.InMeeting)]
    [InlineData(BookingState.Ended)]
    [InlineData(BookingState.Cancelled)]
    public void Deny_in_the_wrong_state_is_refused(BookingState state)
    {
        var booking = A.Booking().In(state).Build();

        BookingAssert.Refused(booking, b => b.Deny(People.Admin, "No", Now), RefusalReason.WrongState);
    }
}
