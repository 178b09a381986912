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
        Repeats(rule), rule.Count is { } n ? n : rule.Until is { } until ? StaticLocalizers.Format.DayWithYear(until) : ""];

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

    /// <summary>"first" … "fifth", "last": which of the month's weekdays.</summary>
    public static string Position(int position) => position is >= 1 and <= 5 ? L["Position" + position] : L["PositionLast"];
}
