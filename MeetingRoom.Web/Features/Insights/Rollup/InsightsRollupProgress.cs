namespace MeetingRoom.Web.Features.Insights.Rollup;

/// <summary>
/// The last site-local date through which this instance has made sure the roll-up holds every whole day (singleton,
/// in memory only): the handler checks the days after it once per day change, with no query on other events.
/// </summary>
public sealed class InsightsRollupProgress
{
    private int _checkedThrough = int.MinValue;

    /// <summary>The date checked through, or null when nothing was checked in this process yet.</summary>
    public DateOnly? CheckedThrough
    {
        get { var day = Volatile.Read(ref _checkedThrough); return day == int.MinValue ? null : DateOnly.FromDayNumber(day); }
    }

    /// <summary>Records that every day through <paramref name="date"/> was checked (never moves back).</summary>
    public void Checked(DateOnly date)
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref _checkedThrough);
            if (date.DayNumber <= seen) return;
        }
        while (Interlocked.CompareExchange(ref _checkedThrough, date.DayNumber, seen) != seen);
    }
}
