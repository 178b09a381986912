using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Domain.Series;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

/// <summary>The series aggregate's transitions (issue 22): create, edit, cancel, and the no-show strikes.</summary>
public class BookingSeriesTests
{
    private static readonly Period TenOClock = Timetable.Default.FindPeriod(new TimeOnly(10, 0))!;
    private static readonly SeriesRule FourMondays = new(SeriesFrequency.Weekly, Count: 4, ByWeekday: [DayOfWeek.Monday]);
    private static readonly DateOnly FirstMonday = new(2026, 11, 30);

    private static BookingResult<BookingSeries> Create(Actor by, string? title = "Weekly sync", SeriesRule? rule = null) =>
        BookingSeries.Create(by, 1, TenOClock, FirstMonday, rule ?? FourMondays, title, People.Booker.Id, "Alice", At);

    [Fact]
    public void An_admin_creates_an_active_series_for_a_member()
    {
        var series = Create(People.Admin).Value!;

        Assert.Equal(SeriesState.Active, series.State);
        Assert.Equal(People.Booker.Id, series.BookedBy);
        Assert.Equal(People.Admin.Id, series.CreatedBy);
        Assert.Equal(4, series.Dates().Count);
    }

    [Fact]
    public void Creating_raises_SeriesCreated()
    {
        var series = Create(People.Admin).Value!;

        var created = Assert.IsType<SeriesCreated>(Assert.Single(series.DomainEvents));
        Assert.Equal((series.Id, People.Booker.Id, People.Admin.Id), (created.SeriesId, created.BookedBy, created.CreatedBy));
    }

    [Fact]
    public void A_member_may_not_create_a_series()
    {
        Assert.Equal(RefusalReason.AdminOnly, Create(People.Booker).Refusal!.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_series_needs_a_title(string? title)
    {
        Assert.Equal("title", Create(People.Admin, title).Refusal!.Field);
    }

    [Fact]
    public void A_title_longer_than_a_hundred_characters_is_refused()
    {
        Assert.Equal("title", Create(People.Admin, new string('x', BookingSeries.MaxTitleLength + 1)).Refusal!.Field);
    }

    [Fact]
    public void A_refused_rule_names_its_field()
    {
        Assert.Equal("rule.byWeekday", Create(People.Admin, rule: new SeriesRule(SeriesFrequency.Weekly, Count: 2)).Refusal!.Field);
    }

    [Fact]
    public void Has_an_occurrence_on_its_dates_only()
    {
        var series = A.Series().Build();

        Assert.True(series.HasOccurrenceOn(new DateOnly(2026, 12, 7)));
        Assert.False(series.HasOccurrenceOn(new DateOnly(2026, 12, 8)));
    }

    [Fact]
    public void Editing_changes_title_and_booker_and_grows_the_sequence()
    {
        var series = A.Series().Build();

        series.Edit(People.Admin, "  Retro ", People.OtherMember.Id, "Bob", At);

        Assert.Equal(("Retro", People.OtherMember.Id, 1), (series.Title, series.BookedBy, series.Sequence));
        var edited = Assert.IsType<SeriesEdited>(Assert.Single(series.DomainEvents));
        Assert.Equal(People.Booker.Id, edited.PreviousBooker);
    }

    [Fact]
    public void Cancelling_ends_the_series()
    {
        var series = A.Series().Build();

        series.Cancel(People.Admin, At);

        Assert.Equal((SeriesState.Cancelled, (DateTimeOffset?)At), (series.State, series.EndedAt));
        Assert.IsType<SeriesCancelled>(Assert.Single(series.DomainEvents));
    }

    [Fact]
    public void A_cancelled_series_cannot_be_cancelled_or_edited_again()
    {
        var series = A.Series().Build();
        series.Cancel(People.Admin, At);

        Assert.Equal(RefusalReason.WrongState, series.Cancel(People.Admin, At).Refusal!.Reason);
        Assert.Equal(RefusalReason.WrongState, series.Edit(People.Admin, "Again", People.Booker.Id, "Alice", At).Refusal!.Reason);
        Assert.Equal(RefusalReason.WrongState, series.RefusalToChange()!.Reason);
    }

    [Fact]
    public void It_ends_for_no_shows_at_the_strikes()
    {
        var series = A.Series().Build();

        var result = series.EndForNoShows([BookingState.Released, BookingState.Released, BookingState.Released], 3, At);

        Assert.True(result.IsOk);
        Assert.Equal(SeriesState.EndedForNoShows, series.State);
        var ended = Assert.IsType<SeriesEndedForNoShows>(Assert.Single(series.DomainEvents));
        Assert.Equal((3, People.Booker.Id, People.Admin.Id), (ended.NoShowsInARow, ended.BookedBy, ended.CreatedBy));
    }

    [Fact]
    public void Fewer_no_shows_in_a_row_than_the_strikes_keep_it_active()
    {
        var series = A.Series().Build();

        var result = series.EndForNoShows([BookingState.Released, BookingState.Released, BookingState.Ended, BookingState.Released], 3, At);

        Assert.False(result.IsOk);
        Assert.Equal(SeriesState.Active, series.State);
        Assert.Empty(series.DomainEvents);
    }

    [Fact]
    public void Cancelled_occurrences_do_not_break_the_row()
    {
        Assert.Equal(3, BookingSeries.NoShowsInARow([BookingState.Released, BookingState.Cancelled, BookingState.Released, BookingState.Released]));
    }

    [Fact]
    public void A_meeting_held_breaks_the_row()
    {
        Assert.Equal(1, BookingSeries.NoShowsInARow([BookingState.Released, BookingState.Ended, BookingState.Released]));
    }

    [Fact]
    public void Zero_strikes_never_end_a_series()
    {
        var series = A.Series().Build();

        Assert.False(series.EndForNoShows([BookingState.Released], 0, At).IsOk);
    }
}
