using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

/// <summary><see cref="Booking.CanStart(MeetingRoom.Domain.Common.MemberId, DateTimeOffset, TimeSpan)"/>: the check-in rule without changing anything.</summary>
public class BookingCanStartTests
{
    // The default slot: 2026-11-23 10:00–11:50 in Seoul.
    private static readonly DateTimeOffset PeriodStart = Utc(2026, 11, 23, 1, 0);
    private static readonly DateTimeOffset PeriodEnd = Utc(2026, 11, 23, 2, 50);
    private static readonly TimeSpan Grace = Booking.DefaultStartGrace;

    [Fact]
    public void Booker_of_a_confirmed_booking_may_start_from_the_grace_before_the_period()
    {
        var booking = A.Booking().Confirmed().Build();

        Assert.Null(booking.CanStart(People.Booker.Id, PeriodStart - Grace, Grace));
        Assert.Null(booking.CanStart(People.Booker.Id, PeriodEnd - Tick, Grace));
    }

    [Fact]
    public void CanStart_changes_nothing()
    {
        var booking = A.Booking().Confirmed().Build();

        booking.CanStart(People.Booker.Id, PeriodStart, Grace);

        Assert.Equal(BookingState.Confirmed, booking.State);
        Assert.Empty(booking.DomainEvents);
    }

    [Fact]
    public void Too_early_gives_the_first_allowed_instant()
    {
        var booking = A.Booking().Confirmed().Build();

        var refusal = booking.CanStart(People.Booker.Id, PeriodStart - Grace - Tick, Grace);

        Assert.Equal(RefusalReason.NotOpenYet, refusal?.Reason);
        Assert.Equal(PeriodStart - Grace, refusal?.OpensAt);
    }

    [Fact]
    public void Someone_else_is_refused_before_any_other_reason()
    {
        var booking = A.Booking().By(People.Booker).InMeeting().Build();

        Assert.Equal(RefusalReason.NotTheBooker, booking.CanStart(People.OtherMember.Id, PeriodEnd, Grace)?.Reason);
    }

    [Theory]
    [InlineData(BookingState.PendingApproval)]
    [InlineData(BookingState.InMeeting)]
    [InlineData(BookingState.Ended)]
    [InlineData(BookingState.Cancelled)]
    public void Wrong_state_is_refused(BookingState state)
    {
        var booking = A.Booking().In(state).Build();

        Assert.Equal(RefusalReason.WrongState, booking.CanStart(People.Booker.Id, PeriodStart, Grace)?.Reason);
    }

    [Fact]
    public void Over_period_is_refused()
    {
        var booking = A.Booking().Confirmed().Build();

        Assert.Equal(RefusalReason.PeriodOver, booking.CanStart(People.Booker.Id, PeriodEnd, Grace)?.Reason);
    }

    [Theory]
    [InlineData(-20, RefusalReason.NotOpenYet)]
    [InlineData(-10, null)]
    [InlineData(0, null)]
    [InlineData(110, RefusalReason.PeriodOver)]
    public void Static_form_on_plain_values_agrees_with_Start(int minutesFromPeriodStart, RefusalReason? expected)
    {
        var now = PeriodStart + TimeSpan.FromMinutes(minutesFromPeriodStart);
        var booking = A.Booking().Confirmed().Build();

        var refusal = Booking.CanStart(booking.BookedBy, booking.State, booking.Slot, People.Booker.Id, now, Grace);
        var started = booking.Start(People.Booker.Id, now, Grace);

        Assert.Equal(expected, refusal?.Reason);
        Assert.Equal(expected, started.Refusal?.Reason);
    }
}
