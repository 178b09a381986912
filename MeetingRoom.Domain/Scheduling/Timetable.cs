using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Scheduling;

/// <summary>
/// The site's day: its time zone and its ordered, non-overlapping periods in site-local time
/// (requirements T1, T4). Immutable; admins replace it as a whole.
/// </summary>
public sealed class Timetable
{
    /// <summary>Default zone of the source design: Asia/Seoul.</summary>
    public const string DefaultTimeZoneId = "Asia/Seoul";

    /// <summary>Default periods of the source design (T1).</summary>
    public static readonly IReadOnlyList<Period> DefaultPeriods =
    [
        Period.Parse("08:00", "09:50"),
        Period.Parse("10:00", "11:50"),
        Period.Parse("13:00", "14:50"),
        Period.Parse("15:00", "16:50"),
        Period.Parse("17:00", "18:50"),
    ];

    public static Timetable Default => Create(DefaultTimeZoneId, DefaultPeriods);

    /// <summary>The most periods a day can have.</summary>
    public const int MaxPeriods = 24;

    public TimeZoneInfo Zone { get; }
    public IReadOnlyList<Period> Periods { get; }

    private Timetable(TimeZoneInfo zone, IReadOnlyList<Period> periods)
    {
        Zone = zone;
        Periods = periods;
    }

    /// <summary>Builds a timetable; periods are sorted by start.</summary>
    /// <exception cref="DomainValidationException">
    /// on an unknown IANA zone ("timeZone"), no, too many (over <see cref="MaxPeriods"/>) or overlapping periods ("periods").
    /// </exception>
    public static Timetable Create(string timeZoneId, IEnumerable<Period> periods)
    {
        var errors = new ValidationErrors();
        var zone = TimeZoneInfo.Utc;
        if (timeZoneId.Length > 100 || TextRules.Problem(timeZoneId, 100) is not null || !SiteClock.TryFindZone(timeZoneId, out zone))
            errors.Add("timeZone", timeZoneId.Length > 100 || TextRules.Problem(timeZoneId, 100) is not null
                ? new DomainMessage("TimeZoneMalformed", "Not a time zone id (at most 100 characters, no control characters).")
                : new DomainMessage("TimeZoneUnknown", $"'{timeZoneId}' is not a known IANA time zone (e.g. Asia/Seoul, Europe/Berlin).", timeZoneId));

        var ordered = periods.OrderBy(p => p.Start).ToList();
        if (ordered.Count == 0) errors.Add("periods", new DomainMessage("PeriodsNone", "A timetable needs at least one period."));
        if (ordered.Count > MaxPeriods) errors.Add("periods", new DomainMessage("PeriodsTooMany", $"At most {MaxPeriods} periods.", MaxPeriods));
        for (var i = 1; i < ordered.Count; i++)
            errors.AddIf(ordered[i - 1].Overlaps(ordered[i]), "periods",
                new DomainMessage("PeriodsOverlap", $"Periods {ordered[i - 1]} and {ordered[i]} overlap.",
                    ordered[i - 1].Start, ordered[i - 1].End, ordered[i].Start, ordered[i].End));
        errors.ThrowIfAny();
        return new Timetable(zone, ordered);
    }

    /// <summary>The period starting at <paramref name="start"/> (site-local), or null.</summary>
    public Period? FindPeriod(TimeOnly start) => Periods.FirstOrDefault(p => p.Start == start);

    /// <summary>The slot of a room on a site-local date in one of this timetable's periods.</summary>
    public Slot SlotFor(int roomId, DateOnly date, Period period) =>
        new(roomId, date, period,
            SiteClock.ToInstant(date, period.Start, Zone),
            SiteClock.ToInstant(date, period.End, Zone));
}
