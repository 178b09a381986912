using System.Globalization;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// Dates, times, weekdays and relative times in the current culture (requirement D4): the patterns come from
/// resources, so each language writes them its own way — "Tue 1 Dec 15:00" and "12월 1일 (화) 15:00",
/// "in 5 min" and "5분 후". Takes site-local values (convert instants with the site's zone first); never
/// converts zones itself. Singleton; reads <see cref="CultureInfo.CurrentCulture"/> at each call.
/// </summary>
public sealed class SiteFormat(IStringLocalizer<SiteFormat> text)
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>Weekday, day and month: "Tue 1 Dec" / "12월 1일 (화)".</summary>
    public string Day(DateOnly date) => date.ToString(text["DayPattern"], Culture);

    /// <summary>Weekday, day, month and year: "Tue 1 Dec 2026" / "2026년 12월 1일 (화)".</summary>
    public string DayWithYear(DateOnly date) => date.ToString(text["DayWithYearPattern"], Culture);

    /// <summary>Time of day, 24-hour: "15:00".</summary>
    public string Time(TimeOnly time) => time.ToString(text["TimePattern"], Culture);

    /// <summary>Time of day of a site-local instant: "15:00".</summary>
    public string Time(DateTimeOffset local) => Time(TimeOnly.FromDateTime(local.DateTime));

    /// <summary>A period: "10:00–11:50".</summary>
    public string Period(TimeOnly start, TimeOnly end) => text["PeriodPattern", Time(start), Time(end)];

    /// <summary>Day and time of a site-local instant: "Tue 1 Dec 15:00" / "12월 1일 (화) 15:00".</summary>
    public string DayAndTime(DateTimeOffset local) =>
        text["DayAndTimePattern", Day(DateOnly.FromDateTime(local.DateTime)), Time(local)];

    /// <summary>A slot: "Tue 1 Dec 10:00–11:50" / "12월 1일 (화) 10:00–11:50".</summary>
    public string DayAndPeriod(DateOnly date, TimeOnly start, TimeOnly end) =>
        text["DayAndTimePattern", Day(date), Period(start, end)];

    /// <summary>
    /// How far an instant is from now, rounded to whole minutes: "now", "in 5 min", "in 2 h 5 min", "5 min ago"
    /// / "지금", "5분 후", "2시간 5분 후", "5분 전". Beyond a day it gives the day and time instead.
    /// </summary>
    public string Relative(DateTimeOffset local, DateTimeOffset nowLocal)
    {
        var delta = local - nowLocal;
        var minutes = (int)Math.Round(Math.Abs(delta.TotalMinutes), MidpointRounding.AwayFromZero);
        if (minutes == 0) return text["RelativeNow"];
        if (minutes >= 24 * 60) return DayAndTime(local);
        var amount = minutes < 60
            ? text["Minutes", minutes].Value
            : minutes % 60 == 0 ? text["Hours", minutes / 60].Value : text["HoursMinutes", minutes / 60, minutes % 60].Value;
        return delta > TimeSpan.Zero ? text["InFuture", amount] : text["InPast", amount];
    }
}
