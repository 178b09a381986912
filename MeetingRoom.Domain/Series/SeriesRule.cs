using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Series;

/// <summary>
/// When a series repeats (issue 22): an RFC 5545 recurrence rule over <b>site-local dates</b>, evaluated with Ical.Net's
/// <see cref="RecurrencePattern"/>. Each date is then booked in the series' one period of the timetable, whose UTC instants
/// the timetable computes for that date, so a series keeps its wall-clock time across daylight-saving changes.
/// <list type="bullet">
/// <item>Daily every <see cref="Interval"/> days (optionally only on <see cref="ByWeekday"/>);</item>
/// <item>Weekly every <see cref="Interval"/> weeks on <see cref="ByWeekday"/> (required);</item>
/// <item>Monthly every <see cref="Interval"/> months on day <see cref="ByMonthDay"/> (1..31, or −1 for the last day), or on the
/// <see cref="BySetPosition"/>th (1..5, or −1 for the last) <see cref="ByWeekday"/> of the month ("second Tuesday"); with
/// neither, on the first date's day of the month.</item>
/// </list>
/// It ends after <see cref="Count"/> occurrences or on <see cref="Until"/> (inclusive), exactly one of them. The first date is the
/// first occurrence (as DTSTART is in RFC 5545), so it must fit the rule. At most <see cref="MaxOccurrences"/> occurrences,
/// none later than a year after the first date (<see cref="MaxSpan"/>). A monthly rule on a day some months of its range lack
/// (the 29th–31st) is refused rather than silently skipping those months: −1 says "the last day". A "fifth Monday" rule is
/// allowed: RFC 5545 skips the months without one, and the preview shows which.
/// </summary>
public sealed record SeriesRule(SeriesFrequency Frequency, int Interval = 1, int? Count = null, DateOnly? Until = null,
    IReadOnlyList<DayOfWeek>? ByWeekday = null, int? ByMonthDay = null, int? BySetPosition = null)
{
    /// <summary>The most occurrences a series may have (issue 22).</summary>
    public const int MaxOccurrences = 500;
    /// <summary>The most a series may span: its last occurrence is at most one year after its first date (issue 22).</summary>
    public const int MaxSpanYears = 1;
    /// <summary>The largest <see cref="Interval"/> (every 99 days, weeks or months).</summary>
    public const int MaxInterval = 99;

    /// <summary>The weekdays of the rule, never null (empty when none were given).</summary>
    public IReadOnlyList<DayOfWeek> Weekdays => ByWeekday ?? [];

    /// <summary>
    /// Why this rule cannot make a series starting on <paramref name="firstDate"/>: the field at fault (<c>rule.interval</c>,
    /// <c>rule.count</c>, <c>rule.until</c>, <c>rule.byWeekday</c>, <c>rule.byMonthDay</c>, <c>rule.bySetPosition</c>,
    /// <c>firstDate</c>, or <c>rule</c> for the rule as a whole) and the message; null when it is sound. Keys: RuleNoEnd,
    /// RuleTwoEnds, RuleInterval, RuleCount, RuleUntilBeforeStart, RuleTooLong (until), RuleTooLongLast (count), RuleTooMany,
    /// RuleWeekdaysRepeated, RuleWeekdaysMissing, RuleMonthDayNotMonthly, RuleMonthDayAndWeekday, RuleMonthDay, RuleMonthDayMissing,
    /// RuleSetPositionNotMonthly, RuleSetPosition, RuleSetPositionWeekday, RuleSetPositionMissing, RuleFirstDateNotInRule,
    /// RuleNoOccurrences (each key has one wording and one set of arguments, as the resources need).
    /// </summary>
    public (string Field, DomainMessage Message)? Problem(DateOnly firstDate)
    {
        if (Count is null && Until is null) return ("rule", new("RuleNoEnd", "Say when the series ends: after a number of occurrences or on a date."));
        if (Count is not null && Until is not null) return ("rule", new("RuleTwoEnds", "End the series either after a number of occurrences or on a date, not both."));
        if (Interval is < 1 or > MaxInterval) return ("rule.interval", new("RuleInterval", $"Repeat every 1 to {MaxInterval}.", MaxInterval));
        if (Count is < 1 or > MaxOccurrences) return ("rule.count", new("RuleCount", $"A series has 1 to {MaxOccurrences} occurrences.", MaxOccurrences));
        var lastAllowed = firstDate.AddYears(MaxSpanYears);
        if (Until is { } until)
        {
            if (until < firstDate) return ("rule.until", new("RuleUntilBeforeStart", "The end date is before the first date.", until, firstDate));
            if (until > lastAllowed) return ("rule.until", new("RuleTooLong", $"A series spans at most a year: end it by {lastAllowed:yyyy-MM-dd}.", lastAllowed));
        }
        if (Weekdays.Distinct().Count() != Weekdays.Count || Weekdays.Any(d => !Enum.IsDefined(d)))
            return ("rule.byWeekday", new("RuleWeekdaysRepeated", "Choose each weekday once."));
        switch (Frequency)
        {
            case SeriesFrequency.Weekly when Weekdays.Count == 0:
                return ("rule.byWeekday", new("RuleWeekdaysMissing", "Choose the weekdays of a weekly series."));
            case SeriesFrequency.Daily or SeriesFrequency.Weekly when ByMonthDay is not null:
                return ("rule.byMonthDay", new("RuleMonthDayNotMonthly", "A day of the month belongs to a monthly series."));
            case SeriesFrequency.Daily or SeriesFrequency.Weekly when BySetPosition is not null:
                return ("rule.bySetPosition", new("RuleSetPositionNotMonthly", "\"The second Tuesday\" belongs to a monthly series."));
            case SeriesFrequency.Monthly when ByMonthDay is not null && (Weekdays.Count > 0 || BySetPosition is not null):
                return ("rule.byMonthDay", new("RuleMonthDayAndWeekday", "A monthly series repeats on a day of the month or on a weekday of it (\"the second Tuesday\"), not both."));
            case SeriesFrequency.Monthly when ByMonthDay is { } day && (day is 0 or > 31 or < -1):
                return ("rule.byMonthDay", new("RuleMonthDay", "The day of the month is 1 to 31, or −1 for the last day."));
            case SeriesFrequency.Monthly when BySetPosition is { } position && (position is 0 or > 5 or < -1):
                return ("rule.bySetPosition", new("RuleSetPosition", "Which weekday of the month: 1 to 5, or −1 for the last."));
            case SeriesFrequency.Monthly when BySetPosition is not null && Weekdays.Count != 1:
                return ("rule.byWeekday", new("RuleSetPositionWeekday", "Choose one weekday for \"the second Tuesday\" of each month."));
            case SeriesFrequency.Monthly when Weekdays.Count > 0 && BySetPosition is null:
                return ("rule.bySetPosition", new("RuleSetPositionMissing", "Say which of the month's weekdays: 1 to 5, or −1 for the last."));
        }
        if (!Fits(firstDate)) return ("firstDate", new("RuleFirstDateNotInRule", $"The first date, {firstDate:yyyy-MM-dd}, is not a day of this rule: start the series on its first occurrence.", firstDate));

        var dates = Expand(firstDate, MaxOccurrences + 1);
        if (dates.Count == 0) return ("rule", new("RuleNoOccurrences", "This rule gives no occurrence."));
        if (dates.Count > MaxOccurrences) return ("rule", new("RuleTooMany", $"A series has at most {MaxOccurrences} occurrences.", MaxOccurrences));
        if (MonthDay(firstDate) is { } monthDay and > 28
            && MonthsBetween(firstDate, Until ?? dates[^1]).FirstOrDefault(m => DateTime.DaysInMonth(m.Year, m.Month) < monthDay) is { Year: > 1 } lacking)
            return ("rule.byMonthDay", new("RuleMonthDayMissing",
                $"{lacking:yyyy-MM} has no day {monthDay}: choose −1 (the last day of each month) or a day every month has.", monthDay, lacking));
        if (dates[^1] > lastAllowed) return ("rule", new("RuleTooLongLast", $"A series spans at most a year: its last occurrence would be {dates[^1]:yyyy-MM-dd}, after {lastAllowed:yyyy-MM-dd}.", dates[^1], lastAllowed));
        return null;
    }

    /// <summary>
    /// The site-local dates of the series starting on <paramref name="firstDate"/>, in order. Call <see cref="Problem"/> first:
    /// throws <see cref="DomainValidationException"/> for a rule it refuses.
    /// </summary>
    public IReadOnlyList<DateOnly> Dates(DateOnly firstDate)
    {
        if (Problem(firstDate) is { } problem) throw new DomainValidationException(problem.Field, problem.Message);
        return Expand(firstDate, MaxOccurrences);
    }

    /// <summary>The rule as Ical.Net's pattern (for the RRULE of the series' calendar event).</summary>
    public RecurrencePattern ToPattern()
    {
        var pattern = new RecurrencePattern(Frequency switch
        {
            SeriesFrequency.Daily => Ical.Net.FrequencyType.Daily,
            SeriesFrequency.Weekly => Ical.Net.FrequencyType.Weekly,
            _ => Ical.Net.FrequencyType.Monthly,
        }, Interval);
        if (Count is { } count) pattern.Count = count;
        if (Until is { } until) pattern.Until = new CalDateTime(until.Year, until.Month, until.Day);
        foreach (var day in Weekdays) pattern.ByDay.Add(new WeekDay(day));
        if (ByMonthDay is { } monthDay) pattern.ByMonthDay.Add(monthDay);
        if (BySetPosition is { } position) pattern.BySetPosition.Add(position);
        return pattern;
    }

    /// <summary>The rule's RRULE value (RFC 5545), e.g. <c>FREQ=WEEKLY;COUNT=10;BYDAY=TU,TH</c>.</summary>
    public override string ToString() => ToPattern().ToString();

    private List<DateOnly> Expand(DateOnly firstDate, int most)
    {
        var ev = new CalendarEvent { DtStart = new CalDateTime(firstDate.Year, firstDate.Month, firstDate.Day) };
        ev.RecurrenceRules.Add(ToPattern());
        return ev.GetOccurrences()
            .Select(o => DateOnly.FromDateTime(o.Period.StartTime.Value))
            .Take(most)
            .ToList();
    }

    /// <summary>Whether <paramref name="date"/> is a day of this rule (ignoring the interval and the end, which count from it).</summary>
    private bool Fits(DateOnly date)
    {
        if (Weekdays.Count > 0 && !Weekdays.Contains(date.DayOfWeek)) return false;
        if (Frequency is not SeriesFrequency.Monthly) return true;
        if (ByMonthDay is { } day) return day == -1 ? date.Day == DateTime.DaysInMonth(date.Year, date.Month) : date.Day == day;
        if (BySetPosition is { } position)
        {
            var fromStart = (date.Day - 1) / 7 + 1;
            var fromEnd = (DateTime.DaysInMonth(date.Year, date.Month) - date.Day) / 7 + 1;
            return position == -1 ? fromEnd == 1 : fromStart == position;
        }
        return true;
    }

    /// <summary>The day of the month a monthly rule repeats on (ByMonthDay, or the first date's day), or null.</summary>
    private int? MonthDay(DateOnly firstDate) => Frequency is not SeriesFrequency.Monthly || Weekdays.Count > 0 || ByMonthDay == -1
        ? null
        : ByMonthDay ?? firstDate.Day;

    /// <summary>The first days of the months the rule visits from <paramref name="first"/>'s month to <paramref name="last"/>.</summary>
    private IEnumerable<DateOnly> MonthsBetween(DateOnly first, DateOnly last)
    {
        for (var m = new DateOnly(first.Year, first.Month, 1); m <= last; m = m.AddMonths(Interval))
            yield return m;
    }
}
