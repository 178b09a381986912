using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

/// <summary>
/// Europe/Berlin: on 2026-03-29 local 02:00 jumps to 03:00 (+01:00 → +02:00); on 2026-10-25
/// local 03:00 goes back to 02:00 (+02:00 → +01:00).
/// </summary>
public class SiteClockDstTests
{
    private static readonly Timetable Berlin = Timetable.Create("Europe/Berlin", Timetable.DefaultPeriods);
    private static readonly TimeZoneInfo BerlinZone = Berlin.Zone;
    private static readonly TimeZoneInfo Seoul = Timetable.Default.Zone;

    private static DateTimeOffset InBerlin(int year, int month, int day, int hour, int minute) =>
        SiteClock.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute), BerlinZone);

    [Fact]
    public void Period_on_the_spring_forward_day_starts_at_summer_time()
    {
        var slot = A.Slot().In(Berlin).On(2026, 3, 29).StartingAt(8, 0).Build();

        Assert.Equal(Utc(2026, 3, 29, 6, 0), slot.StartsAt);
        Assert.Equal(Utc(2026, 3, 29, 7, 50), slot.EndsAt);
    }

    [Fact]
    public void Period_the_day_before_spring_forward_starts_at_winter_time()
    {
        var slot = A.Slot().In(Berlin).On(2026, 3, 28).StartingAt(8, 0).Build();

        Assert.Equal(Utc(2026, 3, 28, 7, 0), slot.StartsAt);
    }

    [Fact]
    public void Period_on_the_fall_back_day_starts_at_winter_time()
    {
        var slot = A.Slot().In(Berlin).On(2026, 10, 25).StartingAt(8, 0).Build();

        Assert.Equal(Utc(2026, 10, 25, 7, 0), slot.StartsAt);
    }

    [Fact]
    public void Period_the_day_before_fall_back_starts_at_summer_time()
    {
        var slot = A.Slot().In(Berlin).On(2026, 10, 24).StartingAt(8, 0).Build();

        Assert.Equal(Utc(2026, 10, 24, 6, 0), slot.StartsAt);
    }

    [Fact]
    public void Local_time_in_the_spring_forward_gap_moves_forward_by_the_gap()
    {
        Assert.Equal(Utc(2026, 3, 29, 1, 30), InBerlin(2026, 3, 29, 2, 30));
    }

    [Fact]
    public void Local_time_in_the_spring_forward_gap_reads_as_the_hour_after()
    {
        var local = SiteClock.ToLocal(InBerlin(2026, 3, 29, 2, 30), BerlinZone);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)), local);
        Assert.Equal(TimeSpan.FromHours(2), local.Offset);
    }

    [Fact]
    public void Start_of_the_spring_forward_gap_is_the_instant_of_the_jump()
    {
        Assert.Equal(Utc(2026, 3, 29, 1, 0), InBerlin(2026, 3, 29, 2, 0));
    }

    [Fact]
    public void End_of_the_spring_forward_gap_is_the_instant_of_the_jump()
    {
        Assert.Equal(Utc(2026, 3, 29, 1, 0), InBerlin(2026, 3, 29, 3, 0));
    }

    [Fact]
    public void Last_minute_before_the_spring_forward_gap_is_winter_time()
    {
        Assert.Equal(Utc(2026, 3, 29, 0, 59), InBerlin(2026, 3, 29, 1, 59));
    }

    [Fact]
    public void Ambiguous_local_time_on_the_fall_back_day_means_its_first_occurrence()
    {
        Assert.Equal(Utc(2026, 10, 25, 0, 30), InBerlin(2026, 10, 25, 2, 30));
    }

    [Fact]
    public void Ambiguous_local_time_on_the_fall_back_day_reads_at_summer_time()
    {
        Assert.Equal(TimeSpan.FromHours(2), SiteClock.ToLocal(InBerlin(2026, 10, 25, 2, 30), BerlinZone).Offset);
    }

    [Fact]
    public void Start_of_the_fall_back_overlap_means_its_first_occurrence()
    {
        Assert.Equal(Utc(2026, 10, 25, 0, 0), InBerlin(2026, 10, 25, 2, 0));
    }

    [Fact]
    public void Local_time_at_the_end_of_the_fall_back_overlap_is_winter_time()
    {
        Assert.Equal(Utc(2026, 10, 25, 2, 0), InBerlin(2026, 10, 25, 3, 0));
    }

    [Fact]
    public void Period_spanning_the_spring_forward_gap_lasts_an_hour_less()
    {
        var period = Period.Parse("01:30", "03:30");
        var slot = Timetable.Create("Europe/Berlin", [period]).SlotFor(1, new DateOnly(2026, 3, 29), period);

        Assert.Equal(Utc(2026, 3, 29, 0, 30), slot.StartsAt);
        Assert.Equal(Utc(2026, 3, 29, 1, 30), slot.EndsAt);
    }

    [Fact]
    public void LeadTime_across_the_spring_forward_night_is_an_absolute_duration()
    {
        var slot = A.Slot().In(Berlin).On(2026, 3, 29).StartingAt(8, 0).Build();

        var opensAt = BookingWindowRule.LeadTimeBefore(TimeSpan.FromHours(24)).OpensAt(slot, BerlinZone);

        Assert.Equal(Utc(2026, 3, 28, 6, 0), opensAt);
    }

    [Fact]
    public void LeadTime_across_the_spring_forward_night_opens_at_07_00_local_the_day_before()
    {
        var slot = A.Slot().In(Berlin).On(2026, 3, 29).StartingAt(8, 0).Build();

        var opensAt = BookingWindowRule.LeadTimeBefore(TimeSpan.FromHours(24)).OpensAt(slot, BerlinZone);

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 7, 0, 0, TimeSpan.FromHours(1)), SiteClock.ToLocal(opensAt, BerlinZone));
    }

    [Fact]
    public void DailyAt_the_day_before_opens_on_the_spring_forward_day_at_summer_time()
    {
        var slot = A.Slot().In(Berlin).On(2026, 3, 30).StartingAt(8, 0).Build();

        var opensAt = BookingWindowRule.DailyAtTime(new TimeOnly(8, 0), daysBefore: 1).OpensAt(slot, BerlinZone);

        Assert.Equal(Utc(2026, 3, 29, 6, 0), opensAt);
    }

    [Fact]
    public void DailyAt_the_day_before_the_spring_forward_day_opens_at_winter_time()
    {
        var slot = A.Slot().In(Berlin).On(2026, 3, 29).StartingAt(8, 0).Build();

        var opensAt = BookingWindowRule.DailyAtTime(new TimeOnly(8, 0), daysBefore: 1).OpensAt(slot, BerlinZone);

        Assert.Equal(Utc(2026, 3, 28, 7, 0), opensAt);
    }

    [Fact]
    public void LocalDate_at_local_midnight_is_the_new_day()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), SiteClock.LocalDate(Utc(2026, 11, 22, 15, 0), Seoul));
    }

    [Fact]
    public void LocalDate_one_tick_before_local_midnight_is_the_old_day()
    {
        Assert.Equal(new DateOnly(2026, 11, 22), SiteClock.LocalDate(Utc(2026, 11, 22, 15, 0) - Tick, Seoul));
    }

    [Fact]
    public void LocalDate_at_midnight_before_spring_forward_uses_winter_time()
    {
        Assert.Equal(new DateOnly(2026, 3, 29), SiteClock.LocalDate(Utc(2026, 3, 28, 23, 0), BerlinZone));
        Assert.Equal(new DateOnly(2026, 3, 28), SiteClock.LocalDate(Utc(2026, 3, 28, 23, 0) - Tick, BerlinZone));
    }

    [Fact]
    public void LocalDate_at_midnight_after_spring_forward_uses_summer_time()
    {
        Assert.Equal(new DateOnly(2026, 3, 30), SiteClock.LocalDate(Utc(2026, 3, 29, 22, 0), BerlinZone));
        Assert.Equal(new DateOnly(2026, 3, 29), SiteClock.LocalDate(Utc(2026, 3, 29, 22, 0) - Tick, BerlinZone));
    }

    [Fact]
    public void LocalDate_at_midnight_after_fall_back_uses_winter_time()
    {
        Assert.Equal(new DateOnly(2026, 10, 26), SiteClock.LocalDate(Utc(2026, 10, 25, 23, 0), BerlinZone));
        Assert.Equal(new DateOnly(2026, 10, 25), SiteClock.LocalDate(Utc(2026, 10, 25, 23, 0) - Tick, BerlinZone));
    }

    [Fact]
    public void Seoul_has_no_daylight_saving()
    {
        Assert.Equal(Utc(2026, 3, 29, 1, 30), SiteClock.ToInstant(new DateOnly(2026, 3, 29), new TimeOnly(10, 30), Seoul));
        Assert.Equal(Utc(2026, 7, 1, 1, 30), SiteClock.ToInstant(new DateOnly(2026, 7, 1), new TimeOnly(10, 30), Seoul));
    }

    [Fact]
    public void TryFindZone_finds_an_IANA_zone()
    {
        Assert.True(SiteClock.TryFindZone("Europe/Berlin", out var zone));
        Assert.Equal("Europe/Berlin", zone.Id);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData(null)]
    public void TryFindZone_of_an_unknown_id_finds_none(string? id)
    {
        Assert.False(SiteClock.TryFindZone(id, out _));
    }
}
