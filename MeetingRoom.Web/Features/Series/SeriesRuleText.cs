using System.Globalization;
using MeetingRoom.Domain.Series;
using MeetingRoom.Web.Localization;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// A series' rule in words (issue 22), in the current UI culture: "Every week on Tue, Thu · 10 times", "Every month on the
/// second Tuesday · until 30 Jun 2027" / "매주 화, 목 · 10회". Weekday names are the culture's; the rest comes from
/// <c>Resources/Features/Series/SeriesRuleText.resx</c> (and <c>.ko.resx</c>). Presentation only: the rule itself is
/// <see cref="SeriesRule"/>'s. Static because the admin page, the notifications and the emails word it alike.
/// </summary>
public static class SeriesRuleText
{
    private static readonly IStringLocalizer L = StaticLocalizers.For(typeof(SeriesRuleText));

    /// <summary>The rule's repetition and end in words.</summary>
    public static string Of(SeriesRule rule) => L[rule.Count is { } count ? "EndCount" : "EndUntil",
        Repeats(rule), rule.Count is { } n ? (object)n : rule.Until is { } until ? StaticLocalizers.Format.DayWithYear(until) : ""];

    /// <summary>How often it repeats, without its end: "Every 2 weeks on Mon, Wed".</summary>
    public static string Repeats(SeriesRule rule)
    {
        var names = CultureInfo.CurrentCulture.DateTimeFormat;
        var days = string.Join(L["DaySeparator"], rule.Weekdays.OrderBy(d => ((int)d + 6) % 7).Select(d => names.GetAbbreviatedDayName(d)));
        var every = rule.Interval > 1;
        return rule.Frequency switch
        {
            SeriesFrequency.Daily when rule.Weekdays.Count > 0 => every ? L["EveryNDaysOn", rule.Interval, days] : L["EveryDayOn", days],
            SeriesFrequency.Daily => every ? L["EveryNDays", rule.Interval] : L["EveryDay"],
            SeriesFrequency.Weekly => every ? L["EveryNWeeksOn", rule.Interval, days] : L["EveryWeekOn", days],
            _ when rule.BySetPosition is { } position && rule.Weekdays.Count == 1 => every
                ? L["EveryNMonthsOnThe", rule.Interval, Position(position), names.GetDayName(rule.Weekdays[0])]
                : L["EveryMonthOnThe", Position(position), names.GetDayName(rule.Weekdays[0])],
            _ when rule.ByMonthDay == -1 => every ? L["EveryNMonthsOnLastDay", rule.Interval] : L["EveryMonthOnLastDay"],
            _ when rule.ByMonthDay is { } day => every ? L["EveryNMonthsOnDay", rule.Interval, day] : L["EveryMonthOnDay", day],
            _ => every ? L["EveryNMonths", rule.Interval] : L["EveryMonth"],
        };
    }

    /// <summary>
    /// A series' RRULE as the API lists it (<c>FREQ=WEEKLY;COUNT=10;BYDAY=TU,TH</c>, as <see cref="SeriesRule.ToString"/> writes
    /// it) in words, or the RRULE itself when it is not one a series has.
    /// </summary>
    public static string OfRrule(string rrule) => Parse(rrule) is { } rule ? Of(rule) : rrule;

    /// <summary>The series rule an RRULE written by <see cref="SeriesRule.ToString"/> describes, or null.</summary>
    public static SeriesRule? Parse(string rrule)
    {
        var parts = rrule.Replace("RRULE:", "", StringComparison.OrdinalIgnoreCase).Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim().ToUpperInvariant(), p => p[1].Trim());
        SeriesFrequency? frequency = parts.GetValueOrDefault("FREQ")?.ToUpperInvariant() switch
        {
            "DAILY" => SeriesFrequency.Daily, "WEEKLY" => SeriesFrequency.Weekly, "MONTHLY" => SeriesFrequency.Monthly, _ => null,
        };
        if (frequency is not { } f) return null;
        static int? Int(string? s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        DateOnly? until = parts.GetValueOrDefault("UNTIL") is { Length: >= 8 } u
            && DateOnly.TryParseExact(u[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var days = (parts.GetValueOrDefault("BYDAY") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(day => day.Trim().ToUpperInvariant()[^2..] switch
            {
                "MO" => DayOfWeek.Monday, "TU" => DayOfWeek.Tuesday, "WE" => DayOfWeek.Wednesday, "TH" => DayOfWeek.Thursday,
                "FR" => DayOfWeek.Friday, "SA" => DayOfWeek.Saturday, _ => DayOfWeek.Sunday,
            }).ToList();
        return new SeriesRule(f, Int(parts.GetValueOrDefault("INTERVAL")) ?? 1, Int(parts.GetValueOrDefault("COUNT")), until,
            days.Count > 0 ? days : null, Int(parts.GetValueOrDefault("BYMONTHDAY")), Int(parts.GetValueOrDefault("BYSETPOS")));
    }

    /// <summary>"first" … "fifth", "last": which of the month's weekdays.</summary>
    public static string Position(int position) => position is >= 1 and <= 5 ? L["Position" + position] : L["PositionLast"];
}
