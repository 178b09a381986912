using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

public class BookingEndTests
{
    // The default slot: 2026-11-23 10:00–11:50 in Seoul; the builder starts meetings at 01:00Z.
    private static readonly DateTimeOffset PeriodEnd = Utc(2026, 11, 23, 2, 50);
    private static readonly DateTimeOffset Early = Utc(2026, 11, 23, 1, 40);

    [Fact]
    public void End_by_the_booker_ends_it()
    {
        var booking = A.Booking().By(People.Booker).InMeeting().Build();

        var result = booking.End(People.Booker, Early);

        Assert.True(result.IsOk);
        Assert.Equal(BookingState.Ended, booking.State);
        Assert.Equal(People.Booker.Id, booking.ClosedBy);
    }

    [Fact]
    public void End_before_the_period_ends_records_now_as_the_end()
    {
        var booking = A.Booking().InMeeting().Build();

        booking.End(People.Booker, Early);

        Assert.Equal(Early, booking.EndedAt);
    }

    [Fact]
    public void End_before_the_period_ends_raises_MeetingEnded_early()
    {
        var booking = A.Booking().By(People.Booker).InMeeting().Build();

        booking.End(People.Booker, Early);

        var ended = BookingAssert.RaisedOnly<MeetingEnded>(booking);
        Assert.Equal(booking.Id, ended.BookingId);
        Assert.Equal(booking.Slot, ended.Slot);
        Assert.Equal(People.Booker.Id, ended.EndedBy);
        Assert.True(ended.EndedEarly);
        Assert.Equal(Early, ended.OccurredAt);
    }

    [Fact]
    public void End_in_the_last_tick_of_the_period_is_still_early()
    {
        var booking = A.Booking().InMeeting().Build();

        booking.End(People.Booker, PeriodEnd - Tick);

        Assert.True(BookingAssert.RaisedOnly<MeetingEnded>(booking).EndedEarly);
    }

    [Fact]
    public void End_after_the_period_ended_is_not_early()
    {
        var booking = A.Booking().InMeeting().Build();
        var late = Utc(2026, 11, 23, 3, 15);

        booking.End(People.Booker, late);

        var ended = BookingAssert.RaisedOnly<MeetingEnded>(booking);
        Assert.False(ended.EndedEarly);
        Assert.Equal(late, ended.OccurredAt);
    }

    [Fact]
    public void End_after_the_period_ended_records_the_period_end_as_the_end()
    {
        var booking = A.Booking().InMeeting().Build();

        booking.End(People.Booker, Utc(2026, 11, 23, 3, 15));

        Assert.Equal(PeriodEnd, booking.EndedAt);
    }

    [Fact]
    public void End_exactly_at_the_period_end_is_not_early()
    {
        var booking = A.Booking().InMeeting().Build();

        booking.End(People.Booker, PeriodEnd);

        Assert.False(BookingAssert.RaisedOnly<MeetingEnded>(booking).EndedEarly);
    }

    [Fact]
    public void End_by_an_admin_ends_someone_elses_meeting()
    {
        var booking = A.Booking().By(People.Booker).InMeeting().Build();

        var result = booking.End(People.Admin, Early);

        Assert.True(result.IsOk);
        Assert.Equal(BookingState.Ended, booking.State);
        Assert.Equal(People.Admin.Id, booking.ClosedBy);
        Assert.Equal(People.Admin.Id, BookingAssert.RaisedOnly<MeetingEnded>(booking).EndedBy);
    }

    [Fact]
    public void End_by_another_member_is_refused()
    {
        var booking = A.Booking().By(People.Booker).InMeeting().Build();

        BookingAssert.Refused(booking, b => b.End(People.OtherMember, Early), RefusalReason.NotTheBooker);
    }

    [Fact]
    public void End_of_a_meeting_not_started_is_refused()
    {
        var booking = A.Booking().Confirmed().Build();

        BookingAssert.Refused(booking, b => b.End(People.Booker, Early), RefusalReason.WrongState);
    }

    [Theory]
    [InlineData(BookingState.PendingApproval)]
    [InlineData(BookingState.Ended)]
    [InlineData(BookingState.Cancelled)]
    public void End_in_the_wrong_state_is_refused(BookingState state)
    {
        var booking = A.Booking().In(state).Build();

        BookingAssert.Refused(booking, b => b.End(People.Admin, Early), RefusalReason.WrongState);
    }

    [Fact]
    public void End_leaves_the_start_as_it_was()
    {
        var booking = A.Booking().InMeeting().Build();
        var startedAt = booking.StartedAt;

        booking.End(People.Booker, Early);

        Assert.Equal(startedAt, booking.StartedAt);
    }
}
