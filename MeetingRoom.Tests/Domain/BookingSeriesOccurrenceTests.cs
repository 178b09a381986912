using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

/// <summary>A booking as an occurrence of a series (issue 22): placed ahead of its window, its details changed, cancelled for the series.</summary>
public class BookingSeriesOccurrenceTests
{
    private static readonly DateTimeOffset BeforeIt = Utc(2026, 11, 29, 0, 0); // the day before the default series' first Monday

    [Fact]
    public void An_occurrence_is_placed_confirmed_long_before_its_window_opens()
    {
        var series = A.Series().Build();
        var slot = Timetable.Default.SlotFor(1, series.FirstDate, series.Period);

        var booking = Booking.PlaceForSeries(A.Room().Build(), slot, series, At).Value!;

        Assert.Equal((BookingState.Confirmed, (Guid?)series.Id, "Weekly sync", People.Booker.Id), (booking.State, booking.SeriesId, booking.Title, booking.BookedBy));
    }

    [Fact]
    public void An_occurrence_of_a_room_needing_approval_is_confirmed_all_the_same()
    {
        var series = A.Series().Build();

        var booking = SeriesBuilder.OccurrenceOf(series, room: A.Room().NeedingApproval().Build());

        Assert.Equal(BookingState.Confirmed, booking.State);
    }

    [Fact]
    public void An_occurrence_takes_no_limit_place()
    {
        var booking = SeriesBuilder.OccurrenceOf(A.Series().Build());

        Assert.True(booking.PeriodClaim is null && booking.DayClaim is null && booking.UpcomingClaim is null);
    }

    [Fact]
    public void Placing_raises_BookingPlaced_naming_the_series_and_its_title()
    {
        var series = A.Series().Build();
        var slot = Timetable.Default.SlotFor(1, series.FirstDate, series.Period);

        var booking = Booking.PlaceForSeries(A.Room().Build(), slot, series, At).Value!;

        var placed = BookingAssert.RaisedOnly<BookingPlaced>(booking);
        Assert.Equal((series.Id, "Weekly sync"), (placed.SeriesId!.Value, placed.Title));
    }

    [Fact]
    public void Releasing_an_occurrence_as_a_no_show_names_its_series()
    {
        var series = A.Series().Build();
        var booking = SeriesBuilder.OccurrenceOf(series);

        Assert.True(booking.Release(booking.StartsAt + TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15)).IsOk);

        Assert.Equal(series.Id, BookingAssert.RaisedOnly<BookingReleased>(booking).SeriesId);
    }

    [Fact]
    public void An_occurrence_of_a_room_out_of_service_is_refused()
    {
        var series = A.Series().Build();
        var slot = Timetable.Default.SlotFor(1, series.FirstDate, series.Period);

        Assert.Equal(RefusalReason.RoomOutOfService, Booking.PlaceForSeries(A.Room().OutOfService().Build(), slot, series, At).Refusal!.Reason);
    }

    [Fact]
    public void Changing_the_details_gives_the_occurrence_its_new_booker_and_title()
    {
        var booking = SeriesBuilder.OccurrenceOf(A.Series().Build());

        booking.ChangeSeriesDetails(People.Admin, "Retro", People.OtherMember.Id, "Bob", BeforeIt);

        Assert.Equal(("Retro", People.OtherMember.Id, "Bob"), (booking.Title, booking.BookedBy, booking.BookedByName));
        var changed = BookingAssert.RaisedOnly<BookingDetailsChanged>(booking);
        Assert.Equal(People.Booker.Id, changed.PreviousBooker);
    }

    [Fact]
    public void A_member_may_not_change_an_occurrence()
    {
        var booking = SeriesBuilder.OccurrenceOf(A.Series().Build());

        BookingAssert.Refused(booking, b => b.ChangeSeriesDetails(People.Booker, "Mine", People.Booker.Id, "Alice", BeforeIt), RefusalReason.AdminOnly);
    }

    [Fact]
    public void A_booking_of_no_series_has_no_series_details_to_change()
    {
        var booking = A.Booking().Build();

        var refusal = BookingAssert.Refused(booking, b => b.ChangeSeriesDetails(People.Admin, "T", People.Booker.Id, "Alice", BeforeIt), RefusalReason.InvalidInput);
        Assert.Equal("seriesId", refusal.Field);
    }

    [Fact]
    public void A_cancelled_occurrence_keeps_its_details()
    {
        var booking = SeriesBuilder.OccurrenceOf(A.Series().Build());
        booking.CancelForSeries(People.Admin, CancellationCause.SeriesCancelled, BeforeIt);
        booking.ClearDomainEvents();

        BookingAssert.Refused(booking, b => b.ChangeSeriesDetails(People.Admin, "Later", People.OtherMember.Id, "Bob", BeforeIt), RefusalReason.WrongState);
    }

    [Fact]
    public void Cancelling_for_the_series_records_the_cause_and_raises_BookingCancelled_by_an_admin()
    {
        var booking = SeriesBuilder.OccurrenceOf(A.Series().Build());

        booking.CancelForSeries(People.Admin, CancellationCause.SeriesNoShows, BeforeIt);

        Assert.Equal((BookingState.Cancelled, (CancellationCause?)CancellationCause.SeriesNoShows), (booking.State, booking.CancelCause));
        var cancelled = BookingAssert.RaisedOnly<BookingCancelled>(booking);
        Assert.True(cancelled.ByAdmin);
    }

    [Fact]
    public void An_occurrence_whose_period_is_over_is_not_cancelled_for_the_series()
    {
        var booking = SeriesBuilder.OccurrenceOf(A.Series().Build());

        BookingAssert.Refused(booking, b => b.CancelForSeries(People.Admin, CancellationCause.SeriesCancelled, Utc(2026, 12, 1, 0, 0)), RefusalReason.PeriodOver);
    }
}
