using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Series;

/// <summary>
/// A standing reservation (issue 22): one room, one period of the timetable, on the dates of a <see cref="SeriesRule"/>,
/// booked for <see cref="BookedBy"/> (who checks in, gets the notifications and sees it in My bookings). Series are an admin
/// tool: in the ticketing model a member must not jump the line at the opening, so only an admin makes one, for themselves or
/// on behalf of a member. Each occurrence is an ordinary <see cref="Booking"/> that carries <see cref="Id"/> and a title
/// (<see cref="Booking.PlaceForSeries"/>): the database's unique slot index decides it like any booking, it is released as a
/// no-show like any booking, and it does not count against the booker's limits (an admin decided it).
/// <code>
/// Create ──► Active ──Cancel──────────► Cancelled
///                  └─EndForNoShows───► EndedForNoShows   (seriesNoShowStrikes occurrences in a row were no-shows)
/// Active ──Edit──► Active               (title, booker; Sequence grows so calendars replace the event)
/// </code>
/// </summary>
public sealed class BookingSeries : AggregateRoot
{
    /// <summary>The longest title (shown on the board and the Book page instead of the booker's name).</summary>
    public const int MaxTitleLength = 100;

    public Guid Id { get; private set; }
    public int RoomId { get; private set; }
    /// <summary>Site-local start of the series' period.</summary>
    public TimeOnly PeriodStart { get; private set; }
    /// <summary>Site-local end of the series' period.</summary>
    public TimeOnly PeriodEnd { get; private set; }
    /// <summary>Site-local date of the first occurrence (DTSTART).</summary>
    public DateOnly FirstDate { get; private set; }
    public SeriesRule Rule { get; private set; } = new(SeriesFrequency.Daily, Count: 1);
    public string Title { get; private set; } = "";
    public MemberId BookedBy { get; private set; }
    public string BookedByName { get; private set; } = "";
    /// <summary>The admin who made it (told, with the booker, when the strikes end it).</summary>
    public MemberId CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public SeriesState State { get; private set; }
    /// <summary>When it was cancelled or ended for no-shows.</summary>
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>The iCalendar SEQUENCE of the series' event: grows with every change of the series, so calendars replace it.</summary>
    public int Sequence { get; private set; }

    public Period Period => new(PeriodStart, PeriodEnd);

    private BookingSeries() { }

    /// <summary>
    /// An admin makes a series of <paramref name="roomId"/>'s <paramref name="period"/> on the dates <paramref name="rule"/> gives from
    /// <paramref name="firstDate"/>, titled <paramref name="title"/> (required, at most <see cref="MaxTitleLength"/> characters,
    /// no control characters) for <paramref name="booker"/>. Refused: AdminOnly; InvalidInput on "title" or on the rule's field
    /// (<see cref="SeriesRule.Problem"/>). Whether each date's slot is free, in service and in the timetable is decided per
    /// occurrence when the bookings are placed, not here.
    /// </summary>
    public static BookingResult<BookingSeries> Create(Actor admin, int roomId, Period period, DateOnly firstDate, SeriesRule rule,
        string? title, MemberId booker, string bookerName, DateTimeOffset now)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (TitleProblem(title) is { } badTitle) return BookingRefusal.InvalidInput("title", badTitle);
        if (rule.Problem(firstDate) is { } badRule) return BookingRefusal.InvalidInput(badRule.Field, badRule.Message);

        var series = new BookingSeries
        {
            Id = Guid.CreateVersion7(now),
            RoomId = roomId,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            FirstDate = firstDate,
            Rule = rule,
            Title = title!.Trim(),
            BookedBy = booker,
            BookedByName = bookerName,
            CreatedBy = admin.Id,
            CreatedAt = now,
            State = SeriesState.Active,
        };
        series.Raise(new SeriesCreated(series.Id, roomId, period.Start, series.Title, booker, admin.Id, now));
        return series;
    }

    /// <summary>The site-local dates of every occurrence, in order (<see cref="SeriesRule.Dates"/>).</summary>
    public IReadOnlyList<DateOnly> Dates() => Rule.Dates(FirstDate);

    /// <summary>Whether <paramref name="date"/> is one of the series' dates.</summary>
    public bool HasOccurrenceOn(DateOnly date) => date >= FirstDate && Dates().Contains(date);

    /// <summary>
    /// An admin changes the series' own title and booker (scope "all"; the bookings change by <see cref="Booking.ChangeSeriesDetails"/>).
    /// Refused: AdminOnly; WrongState once it is no longer active; InvalidInput on "title".
    /// </summary>
    public BookingResult Edit(Actor admin, string? title, MemberId booker, string bookerName, DateTimeOffset now)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (State is not SeriesState.Active) return WrongState;
        if (TitleProblem(title) is { } badTitle) return BookingRefusal.InvalidInput("title", badTitle);

        var previous = BookedBy;
        Title = title!.Trim();
        BookedBy = booker;
        BookedByName = bookerName;
        Sequence++;
        Raise(new SeriesEdited(Id, Title, booker, previous, admin.Id, Sequence, now));
        return BookingResult.Ok;
    }

    /// <summary>An admin cancels the whole series (its upcoming bookings are cancelled by the caller). Refused: AdminOnly; WrongState.</summary>
    public BookingResult Cancel(Actor admin, DateTimeOffset now)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (State is not SeriesState.Active) return WrongState;

        State = SeriesState.Cancelled;
        EndedAt = now;
        Sequence++;
        Raise(new SeriesCancelled(Id, BookedBy, admin.Id, now));
        return BookingResult.Ok;
    }

    /// <summary>
    /// No ghost meetings: the series ends when its latest <paramref name="strikes"/> (the site's <c>seriesNoShowStrikes</c>, ≥ 1)
    /// occurrences that are over were all released as no-shows. <paramref name="pastOccurrencesNewestFirst"/> are the states of the
    /// series' occurrences whose periods are over, newest first; cancelled ones are skipped (a cancelled week is neither a meeting
    /// nor a no-show). Refused: WrongState when no longer active; <see cref="RefusalReason.InvalidInput"/> on "strikes" when fewer than <paramref name="strikes"/> no-shows are in a row. The caller cancels the upcoming bookings
    /// (<see cref="CancellationCause.SeriesNoShows"/>).
    /// </summary>
    public BookingResult EndForNoShows(IEnumerable<BookingState> pastOccurrencesNewestFirst, int strikes, DateTimeOffset now)
    {
        if (State is not SeriesState.Active) return WrongState;
        var inARow = NoShowsInARow(pastOccurrencesNewestFirst);
        if (strikes < 1 || inARow < strikes)
            return BookingRefusal.InvalidInput("strikes", new("SeriesStrikesNotReached", $"{inARow} no-show(s) in a row; the series ends at {strikes}.", inARow, strikes));

        State = SeriesState.EndedForNoShows;
        EndedAt = now;
        Sequence++;
        Raise(new SeriesEndedForNoShows(Id, Title, BookedBy, CreatedBy, inARow, now));
        return BookingResult.Ok;
    }

    /// <summary>
    /// Null while the series is active; otherwise the wrong-state refusal (key WrongStateSeries, with the state) that every change
    /// of it or of its occurrences gets once it was cancelled or ended for no-shows.
    /// </summary>
    public BookingRefusal? RefusalToChange() => State is SeriesState.Active ? null : WrongState;

    /// <summary>How many of the newest past occurrences in a row were released as no-shows (cancelled ones skipped).</summary>
    public static int NoShowsInARow(IEnumerable<BookingState> pastOccurrencesNewestFirst) =>
        pastOccurrencesNewestFirst.Where(s => s is not BookingState.Cancelled).TakeWhile(s => s is BookingState.Released).Count();

    /// <summary>Why <paramref name="title"/> is not a series title (required, at most <see cref="MaxTitleLength"/>, no control characters), or null.</summary>
    public static DomainMessage? TitleProblem(string? title) =>
        string.IsNullOrWhiteSpace(title)
            ? new DomainMessage("SeriesTitleRequired", "Give the series a title.")
            : TextRules.Problem(title, MaxTitleLength);

    private BookingRefusal WrongState => new(RefusalReason.WrongState, $"Not possible while the series is {State}.",
        Detail: new DomainMessage("WrongStateSeries", $"Not possible while the series is {State}.", State));
}
