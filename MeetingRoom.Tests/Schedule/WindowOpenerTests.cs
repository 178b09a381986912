using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Schedule;

namespace MeetingRoom.Tests.Schedule;

/// <summary>Which openings and closings the window opener pushes, and when it wakes next.</summary>
public sealed class WindowOpenerTests
{
    private static readonly SiteRules Default = new(Timetable.Default, BookingWindowRule.AtPeriodStart);
    private static DateTimeOffset Seoul(string local) => DateTimeOffset.Parse(local + "+09:00");

    [Fact]
    public void Next_instant_after_a_period_start_is_that_periods_end()
    {
        Assert.Equal(Seoul("2026-11-23T11:50:00"), WindowOpener.NextInstant(Default, Seoul("2026-11-23T10:05:00")));
    }

    [Fact]
    public void Next_instant_in_the_lunch_break_is_the_1300_opening()
    {
        Assert.Equal(Seoul("2026-11-23T13:00:00"), WindowOpener.NextInstant(Default, Seoul("2026-11-23T11:55:00")));
    }

    [Fact]
    public void Next_instant_at_night_is_tomorrows_first_opening()
    {
        Assert.Equal(Seoul("2026-11-24T08:00:00"), WindowOpener.NextInstant(Default, Seoul("2026-11-23T22:00:00")));
    }

    [Fact]
    public void Passing_an_opening_reports_that_period_once()
    {
        var passed = WindowOpener.TransitionsBetween(Default, Seoul("2026-11-23T12:59:59"), Seoul("2026-11-23T13:00:00")).ToList();

        var only = Assert.Single(passed);
        Assert.Equal((new DateOnly(2026, 11, 23), new TimeOnly(13, 0)), (only.Date, only.Period.Start));
    }

    [Fact]
    public void A_daily_at_rule_opens_every_slot_of_the_day_k_days_ahead_at_once()
    {
        var rules = new SiteRules(Timetable.Default, BookingWindowRule.DailyAtTime(new TimeOnly(9, 0), 2));

        var passed = WindowOpener.TransitionsBetween(rules, Seoul("2026-11-23T08:59:00"), Seoul("2026-11-23T09:00:00")).ToList();

        Assert.Equal(5, passed.Count);
        Assert.All(passed, p => Assert.Equal(new DateOnly(2026, 11, 25), p.Date));
    }

    [Fact]
    public void Nothing_passes_between_two_instants_with_no_transition()
    {
        Assert.Empty(WindowOpener.TransitionsBetween(Default, Seoul("2026-11-23T10:01:00"), Seoul("2026-11-23T11:00:00")));
    }
}
