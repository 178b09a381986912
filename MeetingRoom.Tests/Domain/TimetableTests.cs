using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

public class TimetableTests
{
    private static readonly Period First = Period.Parse("08:00", "09:50");
    private static readonly Period Second = Period.Parse("10:00", "11:50");

    [Fact]
    public void Default_zone_is_Asia_Seoul()
    {
        Assert.Equal("Asia/Seoul", Timetable.DefaultTimeZoneId);
        Assert.Equal("Asia/Seoul", Timetable.Default.Zone.Id);
    }

    [Fact]
    public void Default_periods_are_the_five_of_the_source_design()
    {
        Assert.Equal(
            [
                Period.Parse("08:00", "09:50"), Period.Parse("10:00", "11:50"), Period.Parse("13:00", "14:50"),
                Period.Parse("15:00", "16:50"), Period.Parse("17:00", "18:50"),
            ],
            Timetable.Default.Periods);
    }

    [Fact]
    public void Create_sorts_the_periods_by_start()
    {
        var timetable = Timetable.Create("Asia/Seoul", [Second, First]);

        Assert.Equal([First, Second], timetable.Periods);
    }

    [Fact]
    public void Create_finds_the_zone_by_IANA_id()
    {
        Assert.Equal("Europe/Berlin", Timetable.Create("Europe/Berlin", [First]).Zone.Id);
    }

    [Fact]
    public void Create_allows_a_period_starting_when_the_previous_one_ends()
    {
        var timetable = Timetable.Create("Asia/Seoul", [Period.Parse("08:00", "09:00"), Period.Parse("09:00", "10:00")]);

        Assert.Equal(2, timetable.Periods.Count);
    }

    [Fact]
    public void Create_with_overlapping_periods_is_invalid()
    {
        var e = Assert.Throws<DomainValidationException>(() =>
            Timetable.Create("Asia/Seoul", [Period.Parse("08:00", "10:00"), Period.Parse("09:00", "11:00")]));

        Assert.Equal(["periods"], e.Errors.Keys);
    }

    [Fact]
    public void Create_with_a_period_inside_another_is_invalid()
    {
        var e = Assert.Throws<DomainValidationException>(() =>
            Timetable.Create("Asia/Seoul", [Period.Parse("08:00", "12:00"), Second, Period.Parse("13:00", "14:00")]));

        Assert.Equal(["periods"], e.Errors.Keys);
    }

    [Fact]
    public void Create_without_periods_is_invalid()
    {
        var e = Assert.Throws<DomainValidationException>(() => Timetable.Create("Asia/Seoul", []));

        Assert.Equal(["periods"], e.Errors.Keys);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_with_an_unknown_zone_is_invalid(string zoneId)
    {
        var e = Assert.Throws<DomainValidationException>(() => Timetable.Create(zoneId, [First]));

        Assert.Equal(["timeZone"], e.Errors.Keys);
    }

    [Fact]
    public void Create_reports_a_bad_zone_and_missing_periods_together()
    {
        var e = Assert.Throws<DomainValidationException>(() => Timetable.Create("Nowhere/Special", []));

        Assert.Equal(["periods", "timeZone"], e.Errors.Keys.Order());
    }

    [Fact]
    public void FindPeriod_finds_the_period_starting_at_that_time()
    {
        Assert.Equal(Period.Parse("13:00", "14:50"), Timetable.Default.FindPeriod(new TimeOnly(13, 0)));
    }

    [Theory]
    [InlineData(13, 30)]
    [InlineData(9, 50)]
    [InlineData(12, 0)]
    public void FindPeriod_at_a_time_no_period_starts_finds_none(int hour, int minute)
    {
        Assert.Null(Timetable.Default.FindPeriod(new TimeOnly(hour, minute)));
    }

    [Fact]
    public void SlotFor_gives_the_UTC_instants_of_the_local_period()
    {
        var slot = Timetable.Default.SlotFor(7, new DateOnly(2026, 11, 23), Second);

        Assert.Equal(Utc(2026, 11, 23, 1, 0), slot.StartsAt);
        Assert.Equal(Utc(2026, 11, 23, 2, 50), slot.EndsAt);
    }

    [Fact]
    public void SlotFor_keeps_the_room_date_and_period()
    {
        var slot = Timetable.Default.SlotFor(7, new DateOnly(2026, 11, 23), Second);

        Assert.Equal(7, slot.RoomId);
        Assert.Equal(new DateOnly(2026, 11, 23), slot.Date);
        Assert.Equal(Second, slot.Period);
    }

    [Fact]
    public void SlotFor_an_early_period_falls_on_the_previous_UTC_day()
    {
        var slot = Timetable.Default.SlotFor(7, new DateOnly(2026, 11, 23), First);

        Assert.Equal(Utc(2026, 11, 22, 23, 0), slot.StartsAt);
    }

    [Fact]
    public void Slot_is_over_at_its_end()
    {
        var slot = Timetable.Default.SlotFor(7, new DateOnly(2026, 11, 23), Second);

        Assert.True(slot.IsOverAt(Utc(2026, 11, 23, 2, 50)));
    }

    [Fact]
    public void Slot_is_not_over_in_its_last_tick()
    {
        var slot = Timetable.Default.SlotFor(7, new DateOnly(2026, 11, 23), Second);

        Assert.False(slot.IsOverAt(Utc(2026, 11, 23, 2, 50) - Tick));
    }
}
