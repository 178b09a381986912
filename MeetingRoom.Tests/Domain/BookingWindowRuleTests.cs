using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

public class BookingWindowRuleTests
{
    // The default slot: 2026-11-23 10:00–11:50 in Seoul (UTC+9).
    private static readonly Slot TheSlot = A.Slot().Build();
    private static readonly TimeZoneInfo Seoul = Timetable.Default.Zone;
    private static readonly DateTimeOffset PeriodStart = Utc(2026, 11, 23, 1, 0);
    private static readonly DateTimeOffset PeriodEnd = Utc(2026, 11, 23, 2, 50);

    [Fact]
    public void AtPeriodStart_opens_when_the_period_starts()
    {
        Assert.Equal(PeriodStart, BookingWindowRule.AtPeriodStart.OpensAt(TheSlot, Seoul));
    }

    [Fact]
    public void AtPeriodStart_has_its_mode()
    {
        Assert.Equal(BookingWindowMode.AtPeriodStart, BookingWindowRule.AtPeriodStart.Mode);
    }

    [Fact]
    public void LeadTime_of_two_days_opens_two_days_before_the_period()
    {
        var rule = BookingWindowRule.LeadTimeBefore(TimeSpan.FromDays(2));

        Assert.Equal(Utc(2026, 11, 21, 1, 0), rule.OpensAt(TheSlot, Seoul));
    }

    [Fact]
    public void LeadTime_of_thirty_minutes_opens_thirty_minutes_before_the_period()
    {
        var rule = BookingWindowRule.LeadTimeBefore(TimeSpan.FromMinutes(30));

        Assert.Equal(Utc(2026, 11, 23, 0, 30), rule.OpensAt(TheSlot, Seoul));
    }

    [Fact]
    public void LeadTime_keeps_its_mode_and_lead()
    {
        var rule = BookingWindowRule.LeadTimeBefore(TimeSpan.FromMinutes(30));

        Assert.Equal(BookingWindowMode.LeadTime, rule.Mode);
        Assert.Equal(TimeSpan.FromMinutes(30), rule.Lead);
    }

    [Fact]
    public void LeadTime_of_zero_opens_at_the_period_start()
    {
        Assert.Equal(PeriodStart, BookingWindowRule.LeadTimeBefore(TimeSpan.Zero).OpensAt(TheSlot, Seoul));
    }

    [Fact]
    public void LeadTime_of_365_days_is_allowed()
    {
        Assert.Equal(TimeSpan.FromDays(365), BookingWindowRule.LeadTimeBefore(TimeSpan.FromDays(365)).Lead);
    }

    [Fact]
    public void LeadTime_that_is_negative_is_invalid()
    {
        var e = Assert.Throws<DomainValidationException>(() => BookingWindowRule.LeadTimeBefore(TimeSpan.FromMinutes(-1)));

        Assert.Equal(["leadMinutes"], e.Errors.Keys);
    }

    [Fact]
    public void LeadTime_over_365_days_is_invalid()
    {
        var e = Assert.Throws<DomainValidationException>(() => BookingWindowRule.LeadTimeBefore(TimeSpan.FromDays(365) + Tick));

        Assert.Equal(["leadMinutes"], e.Errors.Keys);
    }

    [Fact]
    public void DailyAt_same_day_opens_at_that_local_time_on_the_slots_date()
    {
        var rule = BookingWindowRule.DailyAtTime(new TimeOnly(8, 0), daysBefore: 0);

        // 2026-11-23 08:00 in Seoul
        Assert.Equal(Utc(2026, 11, 22, 23, 0), rule.OpensAt(TheSlot, Seoul));
    }

    [Fact]
    public void DailyAt_one_day_before_opens_at_that_local_time_the_day_before()
    {
        var rule = BookingWindowRule.DailyAtTime(new TimeOnly(8, 0), daysBefore: 1);

        // 2026-11-22 08:00 in Seoul
        Assert.Equal(Utc(2026, 11, 21, 23, 0), rule.OpensAt(TheSlot, Seoul));
    }

    [Fact]
    public void DailyAt_opens_all_of_a_days_slots_at_once()
    {
        var rule = BookingWindowRule.DailyAtTime(new TimeOnly(8, 0), daysBefore: 1);
        var lateSlot = A.Slot().StartingAt(17, 0).Build();

        Assert.Equal(rule.OpensAt(TheSlot, Seoul), rule.OpensAt(lateSlot, Seoul));
    }

    [Fact]
    public void DailyAt_keeps_its_mode_time_and_days()
    {
        var rule = BookingWindowRule.DailyAtTime(new TimeOnly(8, 0), daysBefore: 1);

        Assert.Equal(BookingWindowMode.DailyAt, rule.Mode);
        Assert.Equal(new TimeOnly(8, 0), rule.DailyAt);
        Assert.Equal(1, rule.DaysBefore);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(365)]
    public void DailyAt_days_before_at_the_bounds_is_allowed(int daysBefore)
    {
        Assert.Equal(daysBefore, BookingWindowRule.DailyAtTime(new TimeOnly(8, 0), daysBefore).DaysBefore);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void DailyAt_days_before_out_of_range_is_invalid(int daysBefore)
    {
        var e = Assert.Throws<DomainValidationException>(() => BookingWindowRule.DailyAtTime(new TimeOnly(8, 0), daysBefore));

        Assert.Equal(["daysBefore"], e.Errors.Keys);
    }

    [Fact]
    public void Window_runs_from_the_opening_until_the_period_ends()
    {
        var window = BookingWindowRule.LeadTimeBefore(TimeSpan.FromDays(2)).WindowFor(TheSlot, Seoul);

        Assert.Equal(new BookingWindow(Utc(2026, 11, 21, 1, 0), PeriodEnd), window);
    }

    [Fact]
    public void Window_is_open_at_its_opening_instant()
    {
        Assert.True(new BookingWindow(PeriodStart, PeriodEnd).IsOpenAt(PeriodStart));
    }

    [Fact]
    public void Window_is_not_open_one_tick_before_it_opens()
    {
        Assert.False(new BookingWindow(PeriodStart, PeriodEnd).IsOpenAt(PeriodStart - Tick));
    }

    [Fact]
    public void Window_is_open_in_its_last_tick()
    {
        Assert.True(new BookingWindow(PeriodStart, PeriodEnd).IsOpenAt(PeriodEnd - Tick));
    }

    [Fact]
    public void Window_is_closed_at_its_closing_instant()
    {
        Assert.False(new BookingWindow(PeriodStart, PeriodEnd).IsOpenAt(PeriodEnd));
    }
}
