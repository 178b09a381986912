using MeetingRoom.Domain.Series;

namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// A series' rule as the API takes and gives it (issue 22): <c>frequency</c> "Daily" | "Weekly" | "Monthly", <c>interval</c> (1..99,
/// default 1), exactly one of <c>count</c> (1..500) and <c>until</c> (a site-local date, inclusive), <c>byWeekday</c> (e.g.
/// ["Tuesday","Thursday"]; required for Weekly), <c>byMonthDay</c> (1..31 or −1 = last day; Monthly), <c>bySetPosition</c> (1..5 or −1
/// = last; Monthly with one weekday: "the second Tuesday").
/// </summary>
public sealed record SeriesRuleDto(SeriesFrequency Frequency, int Interval = 1, int? Count = null, DateOnly? Until = null,
    DayOfWeek[]? ByWeekday = null, int? ByMonthDay = null, int? BySetPosition = null)
{
    public SeriesRule ToRule() => new(Frequency, Interval, Count, Until, ByWeekday, ByMonthDay, BySetPosition);

    public static SeriesRuleDto From(SeriesRule rule) =>
        new(rule.Frequency, rule.Interval, rule.Count, rule.Until, rule.Weekdays.Count == 0 ? null : [.. rule.Weekdays], rule.ByMonthDay, rule.BySetPosition);
}
