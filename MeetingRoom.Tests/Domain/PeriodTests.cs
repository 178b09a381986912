using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Tests.Domain;

public class PeriodTests
{
    [Fact]
    public void Parse_reads_start_and_end()
    {
        var period = Period.Parse("10:00", "11:50");

        Assert.Equal(new TimeOnly(10, 0), period.Start);
        Assert.Equal(new TimeOnly(11, 50), period.End);
    }

    [Theory]
    [InlineData("10:00", "10:00")]
    [InlineData("10:00", "09:59")]
    public void Period_must_end_after_it_starts(string start, string end)
    {
        var e = Assert.Throws<DomainValidationException>(() => Period.Parse(start, end));

        Assert.Equal(["periods"], e.Errors.Keys);
    }

    [Theory]
    [InlineData("09:00", "10:30")] // overlaps the start
    [InlineData("11:00", "12:30")] // overlaps the end
    [InlineData("10:30", "11:00")] // inside
    [InlineData("09:00", "13:00")] // around
    [InlineData("10:00", "11:50")] // the same
    public void Overlaps_when_they_share_time(string start, string end)
    {
        var period = Period.Parse("10:00", "11:50");

        Assert.True(period.Overlaps(Period.Parse(start, end)));
        Assert.True(Period.Parse(start, end).Overlaps(period));
    }

    [Theory]
    [InlineData("08:00", "10:00")] // ends when it starts
    [InlineData("11:50", "13:00")] // starts when it ends
    [InlineData("13:00", "14:50")]
    public void Does_not_overlap_when_they_only_touch_or_are_apart(string start, string end)
    {
        var period = Period.Parse("10:00", "11:50");

        Assert.False(period.Overlaps(Period.Parse(start, end)));
        Assert.False(Period.Parse(start, end).Overlaps(period));
    }

    [Fact]
    public void Periods_with_the_same_times_are_equal()
    {
        Assert.Equal(Period.Parse("10:00", "11:50"), new Period(new TimeOnly(10, 0), new TimeOnly(11, 50)));
    }
}
