using MeetingRoom.Domain.Series;
using MeetingRoom.Tests.Components;
using MeetingRoom.Web.Features.Series;

namespace MeetingRoom.Tests.Features.Series;

/// <summary>A series' rule in words (issue 22), as the Series page, the notifications and the emails say it, in English and Korean.</summary>
public sealed class SeriesRuleTextTests
{
    [Fact]
    public void A_weekly_rule_names_its_weekdays_monday_first_and_its_count()
    {
        using var _ = InCulture.Use("en");

        Assert.Equal("Every week on Tue, Thu · 10 times",
            SeriesRuleText.Of(new SeriesRule(SeriesFrequency.Weekly, Count: 10, ByWeekday: [DayOfWeek.Thursday, DayOfWeek.Tuesday])));
    }

    [Fact]
    public void A_monthly_rule_on_the_second_tuesday_says_so_with_its_end_date()
    {
        using var _ = InCulture.Use("en");

        Assert.StartsWith("Every 2 months on the second Tuesday · until ",
            SeriesRuleText.Of(new SeriesRule(SeriesFrequency.Monthly, 2, Until: new DateOnly(2027, 6, 30), ByWeekday: [DayOfWeek.Tuesday], BySetPosition: 2)));
    }

    [Fact]
    public void A_monthly_rule_on_the_last_day_says_the_last_day()
    {
        using var _ = InCulture.Use("en");

        Assert.Equal("Every month on its last day · 6 times", SeriesRuleText.Of(new SeriesRule(SeriesFrequency.Monthly, Count: 6, ByMonthDay: -1)));
    }

    [Fact]
    public void A_rule_is_worded_in_korean()
    {
        using var _ = InCulture.Use("ko");

        Assert.Equal("매주 화 · 5회", SeriesRuleText.Of(new SeriesRule(SeriesFrequency.Weekly, Count: 5, ByWeekday: [DayOfWeek.Tuesday])));
    }

    [Fact]
    public void An_rrule_the_api_lists_is_read_back_into_the_same_rule()
    {
        var rule = new SeriesRule(SeriesFrequency.Monthly, 3, Count: 4, ByWeekday: [DayOfWeek.Friday], BySetPosition: -1);

        var read = SeriesRuleText.Parse(rule.ToString())!;

        Assert.Equal((rule.Frequency, rule.Interval, rule.Count, rule.Until, rule.ByMonthDay, rule.BySetPosition),
            (read.Frequency, read.Interval, read.Count, read.Until, read.ByMonthDay, read.BySetPosition));
        Assert.Equal(rule.Weekdays, read.Weekdays);
    }

    [Fact]
    public void An_rrule_that_is_no_series_rule_is_shown_as_it_is()
    {
        Assert.Equal("FREQ=YEARLY;COUNT=2", SeriesRuleText.OfRrule("FREQ=YEARLY;COUNT=2"));
    }
}
