namespace MeetingRoom.Web.Features.Insights.Rollup;

/// <summary>
/// One row of the insights roll-up (table <c>InsightsSlots</c>, issue 23): the <see cref="SlotFigures"/> of one slot of a
/// whole past day (site-local), written by <see cref="InsightsRollup"/> from the outbox and by its start-up backfill.
/// Only slots with at least one booking have a row. Stored as integers so a year (≈ 300,000 rows) reads fast:
/// <see cref="Day"/> is the site-local date's <see cref="DateOnly.DayNumber"/>, <see cref="PeriodSecond"/> the period
/// start in seconds after local midnight, <see cref="TakenAtTicks"/> UTC ticks.
/// </summary>
public sealed class InsightsSlotRollup
{
    public int Day { get; set; }
    public int RoomId { get; set; }
    public int PeriodSecond { get; set; }
    /// <summary>ISO weekday of <see cref="Day"/> (1 = Monday … 7 = Sunday): the heat map's row.</summary>
    public int Weekday { get; set; }
    /// <summary>Booking rows of the slot when it was rolled up: the report checks each day's sum against the bookings.</summary>
    public int Bookings { get; set; }
    public double BookedSeconds { get; set; }
    public int Reached { get; set; }
    public int CheckedIn { get; set; }
    public int NoShows { get; set; }
    public double ReleasedSeconds { get; set; }
    public double RebookedSeconds { get; set; }
    public long TakenAtTicks { get; set; }

    public DateOnly Date => DateOnly.FromDayNumber(Day);
    public TimeOnly PeriodStart => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(PeriodSecond));

    public static int SecondOf(TimeOnly start) => (int)(start.Ticks / TimeSpan.TicksPerSecond);

    /// <summary>Sets the figures of the slot (<paramref name="roomId"/>, <paramref name="date"/>, <paramref name="start"/>).</summary>
    public InsightsSlotRollup Set(int roomId, DateOnly date, TimeOnly start, SlotFigures f)
    {
        RoomId = roomId;
        Day = date.DayNumber;
        PeriodSecond = SecondOf(start);
        Weekday = date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
        Bookings = f.Bookings;
        BookedSeconds = f.BookedSeconds;
        Reached = f.Reached;
        CheckedIn = f.CheckedIn;
        NoShows = f.NoShows;
        ReleasedSeconds = f.ReleasedSeconds;
        RebookedSeconds = f.RebookedSeconds;
        TakenAtTicks = f.TakenAt.UtcTicks;
        return this;
    }
}
