using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

public class BookingStartTests
{
    // The default slot: 2026-11-23 10:00–11:50 in Seoul.
    private static readonly DateTimeOffset PeriodStart = Utc(2026, 11, 23, 1, 0);
    private static readonly DateTimeOffset PeriodEnd = Utc(2026, 11, 23, 2, 50);
    private static readonly DateTimeOffset TenMinutesBefore = Utc(2026, 11, 23, 0, 50);
    private static readonly TimeSpan Grace = Booking.DefaultStartGrace;

    [Fact]
    public void Default_start_grace_is_ten_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), Booking.DefaultStartGrace);
    }

    [Fact]
    public void Start_by_the_booker_puts_it_in_meeting()
    {
        var booking = A.Booking().By(People.Booker).Confirmed().Build();

        var result = booking.Start(People.Booker.Id, PeriodStart, Grace);

        Assert.True(result.IsOk);
        Assert.Equal(BookingState.InMeeting, booking.State);
        Assert.Equal(PeriodStart, booking.StartedAt);
    }

    [Fact]
    public void Start_raises_one_MeetingStarted_with_its_fields()
    {
        var booking = A.Booking().By(People.Booker).Confirmed().Build();

        booking.Start(People.Booker.Id, PeriodStart, Grace);

        var started = BookingAssert.RaisedOnly<MeetingStarted>(booking);
        Assert.Equal(booking.Id, started.BookingId);
        Assert.Equal(booking.Slot, started.Slot);
        Assert.Equal(People.Booker.Id, started.StartedBy);
        Assert.Equal(PeriodStart, started.OccurredAt);
    }

    [Fact]
    public void Start_exactly_the_grace_before_the_period_is_allowed()
    {
        var booking = A.Booking().Confirmed().Build();

        var result = booking.Start(People.Booker.Id, TenMinutesBefore, Grace);

        Assert.True(result.IsOk);
        Assert.Equal(TenMinutesBefore, booking.StartedAt);
    }

    [Fact]
    public void Start_one_tick_before_the_grace_is_refused_with_the_first_allowed_instant()
    {
        var booking = A.Booking().Confirmed().Build();

        var refusal = BookingAssert.Refused(booking, b => b.Start(People.Booker.Id, TenMinutesBefore - Tick, Grace),
            RefusalReason.NotOpenYet);

        Assert.Equal(TenMinutesBefore, refusal.OpensAt);
    }

    [Fact]
    public void Start_with_no_grace_before_the_period_is_refused_until_the_period_starts()
    {
        var booking = A.Booking().Confirmed().Build();

        var refusal = BookingAssert.Refused(booking, b => b.Start(People.Booker.Id, PeriodStart - Tick, TimeSpan.Zero),
            RefusalReason.NotOpenYet);

        Assert.Equal(PeriodStart, refusal.OpensAt);
    }

    [Fact]
    public void Start_in_the_last_tick_of_the_period_is_allowed()
    {
        var booking = A.Booking().Confirmed().Build();

        var result = booking.Start(People.Booker.Id, PeriodEnd - Tick, Grace);

        Assert.True(result.IsOk);
    }

    [Fact]
    public void Start_once_the_period_is_over_is_refused()
    {
        var booking = A.Booking().Confirmed().Build();

        BookingAssert.Refused(booking, b => b.Start(People.Booker.Id, PeriodEnd, Grace), RefusalReason.PeriodOver);
    }

    [Fact]
    public void Start_by_someone_else_is_refused()
    {
        var booking = A.Booking().By(People.Booker).Confirmed().Build();

        BookingAssert.Refused(booking, b => b.Start(People.OtherMember.Id, PeriodStart, Grace), RefusalReason.NotTheBooker);
    }

    [Fact]
    public void Start_by_an_admin_who_is_not_the_booker_is_refused()
    {
        var booking = A.Booking().By(People.Booker).Confirmed().Build();

        BookingAssert.Refused(booking, b => b.Start(People.Admin.Id, PeriodStart, Grace), RefusalReason.NotTheBooker);
    }

    [Theory]
    [InlineData(BookingState.PendingApproval)]
    [InlineData(BookingState.InMeeting)]
    [InlineData(BookingState.Ended)]
    [InlineData(BookingState.Cancelled)]
    public void Start_in_the_wrong_state_is_refused(BookingState state)
    {
        var booking = A.Booking().In(state).Build();

        BookingAssert.Refused(booking, b => b.Start(People.Booker.Id, PeriodStart, Grace), RefusalReason.WrongState);
    }
}
