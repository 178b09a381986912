using System.Globalization;
using MeetingRoom.Web.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Localization;

public sealed class SiteFormatTests
{
    private static readonly DateTimeOffset TuesdayAfternoon = new(2026, 12, 1, 15, 0, 0, TimeSpan.FromHours(9));

    private static T InCulture<T>(string culture, Func<SiteFormat, T> act)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var services = new ServiceCollection().AddLogging().AddSiteLocalization().BuildServiceProvider();
            return act(services.GetRequiredService<SiteFormat>());
        }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi); }
    }

    [Theory]
    [InlineData("ko", "12월 1일 (화) 15:00")]
    [InlineData("ko-KR", "12월 1일 (화) 15:00")]
    [InlineData("en", "Tue 1 Dec 15:00")]
    public void Day_and_time_follow_the_culture(string culture, string expected) =>
        Assert.Equal(expected, InCulture(culture, f => f.DayAndTime(TuesdayAfternoon)));

    [Theory]
    [InlineData("ko", 5, "5분 후")]
    [InlineData("en", 5, "in 5 min")]
    [InlineData("ko", -5, "5분 전")]
    [InlineData("en", -125, "2 h 5 min ago")]
    [InlineData("en", 0, "now")]
    public void Relative_times_follow_the_culture(string culture, int minutes, string expected) =>
        Assert.Equal(expected, InCulture(culture, f => f.Relative(TuesdayAfternoon.AddMinutes(minutes), TuesdayAfternoon)));

    [Fact]
    public void A_period_is_written_start_to_end() =>
        Assert.Equal("10:00–11:50", InCulture("ko", f => f.Period(new TimeOnly(10, 0), new TimeOnly(11, 50))));
}
