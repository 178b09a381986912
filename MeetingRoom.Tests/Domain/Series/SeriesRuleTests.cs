using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Domain.Series;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

/// <summary>
/// The recurrence rules of a series (issue 22), evaluated with Ical.Net over site-local dates. DST: Europe/Berlin springs forward
/// on 2027-03-28 (+01:00 → +02:00); America/New_York falls back on 2026-11-01 (−04:00 → −05:00).
/// </summary>
public class SeriesRuleTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static SeriesRule Weekly(int count, params DayOfWeek[] days) => new(SeriesFrequency.Weekly, Count: count, ByWeekday: days);

    private static string? FieldOf(SeriesRule rule, DateOnly first) => rule.Problem(first)?.Field;

    private static string? KeyOf(SeriesRule rule, DateOnly first) => rule.Problem(first)?.Message.Key;

    [Fact]
    public void Weekly_on_two_weekdays_gives_those_days_in_order()
    {
        var dates = Weekly(4, DayOfWeek.Tuesday, DayOfWeek.Thursday).Dates(D(2026, 12, 1));

        Assert.Equal([D(2026, 12, 1), D(2026, 12, 3), D(2026, 12, 8), D(2026, 12, 10)], dates);
    }

    [Fact]
    public void Every_second_week_skips_the_weeks_between()
    {
        var rule = new SeriesRule(SeriesFrequency.Weekly, Interval: 2, Count: 3, ByWeekday: [DayOfWeek.Monday]);

        Assert.Equal([D(2026, 11, 30), D(2026, 12, 14), D(2026, 12, 28)], rule.Dates(D(2026, 11, 30)));
    }

    [Fact]
    public void Every_third_day_counts_from_the_first_date()
    {
        var rule = new SeriesRule(SeriesFrequency.Daily, Interval: 3, Count: 3);

        Assert.Equal([D(2026, 12, 30), D(2027, 1, 2), D(2027, 1, 5)], rule.Dates(D(2026, 12, 30)));
    }

    [Fact]
    public void Until_includes_its_own_date()
    {
        var rule = new SeriesRule(SeriesFrequency.Daily, Until: D(2026, 12, 3));

        Assert.Equal([D(2026, 12, 1), D(2026, 12, 2), D(2026, 12, 3)], rule.Dates(D(2026, 12, 1)));
    }

    [Fact]
    public void Count_gives_exactly_that_many_occurrences()
    {
        Assert.Equal(7, new SeriesRule(SeriesFrequency.Daily, Count: 7).Dates(D(2026, 12, 1)).Count);
    }

    [Fact]
    public void A_weekly_series_across_spring_forward_keeps_its_weekday_and_wall_clock_time()
    {
        var berlin = Timetable.Create("Europe/Berlin", Timetable.DefaultPeriods);
        var period = berlin.FindPeriod(new TimeOnly(10, 0))!;

        var slots = Weekly(4, DayOfWeek.Tuesday).Dates(D(2027, 3, 16)).Select(d => berlin.SlotFor(1, d, period)).ToList();

        Assert.All(slots, s => Assert.Equal(DayOfWeek.Tuesday, s.Date.DayOfWeek));
        Assert.All(slots, s => Assert.Equal(new TimeSpan(10, 0, 0), SiteClock.ToLocal(s.StartsAt, berlin.Zone).TimeOfDay));
        Assert.Equal([Utc(2027, 3, 16, 9, 0), Utc(2027, 3, 23, 9, 0), Utc(2027, 3, 30, 8, 0), Utc(2027, 4, 6, 8, 0)], slots.Select(s => s.StartsAt));
    }

    [Fact]
    public void A_daily_series_across_fall_back_keeps_its_wall_clock_time()
    {
        var newYork = Timetable.Create("America/New_York", Timetable.DefaultPeriods);
        var period = newYork.FindPeriod(new TimeOnly(10, 0))!;

        var starts = new SeriesRule(SeriesFrequency.Daily, Count: 4).Dates(D(2026, 10, 30)).Select(d => newYork.SlotFor(1, d, period).StartsAt);

        Assert.Equal([Utc(2026, 10, 30, 14, 0), Utc(2026, 10, 31, 14, 0), Utc(2026, 11, 1, 15, 0), Utc(2026, 11, 2, 15, 0)], starts);
    }

    [Fact]
    public void Monthly_on_the_31st_is_refused_when_a_month_of_it_lacks_that_day()
    {
        var rule = new SeriesRule(SeriesFrequency.Monthly, Count: 3, ByMonthDay: 31);

        Assert.Equal(("rule.byMonthDay", "RuleMonthDayMissing"), (FieldOf(rule, D(2027, 1, 31)), KeyOf(rule, D(2027, 1, 31))));
    }

    [Fact]
    public void Monthly_on_the_first_dates_day_is_refused_when_a_month_lacks_it()
    {
        var rule = new SeriesRule(SeriesFrequency.Monthly, Count: 2);

        Assert.Equal("RuleMonthDayMissing", KeyOf(rule, D(2027, 1, 30)));
    }

    [Fact]
    public void Monthly_on_the_31st_is_allowed_when_every_month_of_it_has_that_day()
    {
        var rule = new SeriesRule(SeriesFrequency.Monthly, Count: 2, ByMonthDay: 31);

        Assert.Equal([D(2026, 12, 31), D(2027, 1, 31)], rule.Dates(D(2026, 12, 31)));
    }

    [Fact]
    public void Monthly_on_minus_one_gives_the_last_day_of_each_month()
    {
        var rule = new SeriesRule(SeriesFrequency.Monthly, Count: 4, ByMonthDay: -1);

        Assert.Equal([D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30)], rule.Dates(D(2027, 1, 31)));
    }

    [Fact]
    public void The_second_tuesday_of_each_month()
    {
        var rule = new SeriesRule(SeriesFrequency.Monthly, Count: 3, ByWeekday: [DayOfWeek.Tuesday], BySetPosition: 2);

        Assert.Equal([D(2026, 12, 8), D(2027, 1, 12), D(2027, 2, 9)], rule.Dates(D(2026, 12, 8)));
    }

    [Fact]
    public void The_fifth_monday_skips_the_months_without_one()
    {
        var rule = new SeriesRule(SeriesFrequency.Monthly, Until: D(2027, 6, 30), ByWeekday: [DayOfWeek.Monday], BySetPosition: 5);

        Assert.Equal([D(2026, 11, 30), D(2027, 3, 29), D(2027, 5, 31)], rule.Dates(D(2026, 11, 30)));
    }

    [Fact]
    public void The_last_friday_of_each_month()
    {
        var rule = new SeriesRule(SeriesFrequency.Monthly, Count: 3, ByWeekday: [DayOfWeek.Friday], BySetPosition: -1);

        Assert.Equal([D(2026, 11, 27), D(2026, 12, 25), D(2027, 1, 29)], rule.Dates(D(2026, 11, 27)));
    }

    [Fact]
    public void A_rule_without_an_end_is_refused()
    {
        Assert.Equal("RuleNoEnd", KeyOf(new SeriesRule(SeriesFrequency.Daily), D(2026, 12, 1)));
    }

    [Fact]
    public void A_rule_with_both_a_count_and_an_until_is_refused()
    {
        Assert.Equal("RuleTwoEnds", KeyOf(new SeriesRule(SeriesFrequency.Daily, Count: 2, Until: D(2026, 12, 5)), D(2026, 12, 1)));
    }

    [Fact]
    public void More_than_five_hundred_occurrences_are_refused()
    {
        Assert.Equal("rule.count", FieldOf(new SeriesRule(SeriesFrequency.Daily, Count: 501), D(2026, 12, 1)));
    }

    [Fact]
    public void An_until_more_than_a_year_after_the_first_date_is_refused()
    {
        Assert.Equal(("rule.until", "RuleTooLong"), (FieldOf(new SeriesRule(SeriesFrequency.Daily, Until: D(2027, 12, 2)), D(2026, 12, 1)),
            KeyOf(new SeriesRule(SeriesFrequency.Daily, Until: D(2027, 12, 2)), D(2026, 12, 1))));
    }

    [Fact]
    public void A_count_that_runs_past_a_year_is_refused()
    {
        Assert.Equal("RuleTooLongLast", KeyOf(new SeriesRule(SeriesFrequency.Weekly, Count: 60, ByWeekday: [DayOfWeek.Tuesday]), D(2026, 12, 1)));
    }

    [Fact]
    public void Exactly_a_year_is_allowed()
    {
        Assert.Null(new SeriesRule(SeriesFrequency.Daily, Until: D(2027, 12, 1)).Problem(D(2026, 12, 1)));
    }

    [Fact]
    public void A_weekly_rule_without_weekdays_is_refused()
    {
        Assert.Equal(("rule.byWeekday", "RuleWeekdaysMissing"),
            (FieldOf(Weekly(3), D(2026, 12, 1)), KeyOf(Weekly(3), D(2026, 12, 1))));
    }

    [Fact]
    public void A_first_date_that_is_not_a_day_of_the_rule_is_refused()
    {
        Assert.Equal("firstDate", FieldOf(Weekly(3, DayOfWeek.Tuesday), D(2026, 12, 2)));
    }

    [Fact]
    public void An_until_before_the_first_date_is_refused()
    {
        Assert.Equal("RuleUntilBeforeStart", KeyOf(new SeriesRule(SeriesFrequency.Daily, Until: D(2026, 11, 30)), D(2026, 12, 1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void An_interval_outside_one_to_ninety_nine_is_refused(int interval)
    {
        Assert.Equal("rule.interval", FieldOf(new SeriesRule(SeriesFrequency.Daily, Interval: interval, Count: 2), D(2026, 12, 1)));
    }

    [Fact]
    public void A_month_day_on_a_weekly_rule_is_refused()
    {
        Assert.Equal("RuleMonthDayNotMonthly",
            KeyOf(new SeriesRule(SeriesFrequency.Weekly, Count: 2, ByWeekday: [DayOfWeek.Tuesday], ByMonthDay: 1), D(2026, 12, 1)));
    }

    [Fact]
    public void A_set_position_needs_exactly_one_weekday()
    {
        Assert.Equal("RuleSetPositionWeekday",
            KeyOf(new SeriesRule(SeriesFrequency.Monthly, Count: 2, ByWeekday: [DayOfWeek.Tuesday, DayOfWeek.Friday], BySetPosition: 2), D(2026, 12, 8)));
    }

    [Fact]
    public void Dates_of_a_refused_rule_throw_a_validation_exception_naming_the_field()
    {
        var e = Assert.Throws<DomainValidationException>(() => Weekly(3).Dates(D(2026, 12, 1)));

        Assert.Contains("rule.byWeekday", e.Messages.Keys);
    }

    [Fact]
    public void The_rule_reads_as_an_rrule()
    {
        var rrule = Weekly(10, DayOfWeek.Tuesday, DayOfWeek.Thursday).ToString();

        Assert.Equal("FREQ=WEEKLY;COUNT=10;BYDAY=TU,TH", rrule);
    }
}
