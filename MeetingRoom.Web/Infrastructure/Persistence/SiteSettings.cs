using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Infrastructure.Persistence;

/// <summary>
/// The single row of site-wide settings admins change: the timetable (zone and periods), the
/// booking window rule, the booking limits and the site's default language. Stored flat; <see cref="ToTimetable"/> and <see cref="ToWindowRule"/>
/// give the domain objects.
/// </summary>
public sealed class SiteSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    /// <summary>IANA zone id, e.g. "Asia/Seoul".</summary>
    public string TimeZoneId { get; set; } = Timetable.DefaultTimeZoneId;
    /// <summary>JSON array of {"start":"HH:mm","end":"HH:mm"} in site-local time.</summary>
    public string PeriodsJson { get; set; } = Serialize(Timetable.DefaultPeriods);
    public BookingWindowMode WindowMode { get; set; } = BookingWindowMode.AtPeriodStart;
    public int LeadMinutes { get; set; }
    public TimeOnly DailyAt { get; set; } = new(8, 0);
    public int DaysBefore { get; set; }
    /// <summary>Auto-release a confirmed booking not checked in this many minutes after its period starts; 0 = off (default 10).</summary>
    public int NoShowMinutes { get; set; } = DefaultNoShowMinutes;

    /// <summary>Exchange/Teams Rooms and Robin release an unclaimed room 10 minutes after its start by default.</summary>
    public const int DefaultNoShowMinutes = 10;

    /// <summary>
    /// No ghost meetings (issue 22): after this many occurrences of a series in a row are released as no-shows, the rest of the
    /// series is cancelled and its booker and the admin who made it are told; 0 = never. Default 3 (Robin's "strikes").
    /// </summary>
    public int SeriesNoShowStrikes { get; set; } = DefaultSeriesNoShowStrikes;

    /// <summary>The default of <see cref="SeriesNoShowStrikes"/>: 3 (Robin ends a recurring meeting after 3 no-shows).</summary>
    public const int DefaultSeriesNoShowStrikes = 3;

    /// <summary>Booking limits per member (F1); 0 = no limit. Defaults: 1 per period, 2 per day, 10 upcoming.</summary>
    public int MaxPerPeriod { get; set; } = BookingLimits.Default.MaxPerPeriod;
    public int MaxPerDay { get; set; } = BookingLimits.Default.MaxPerDay;
    public int MaxUpcoming { get; set; } = BookingLimits.Default.MaxUpcoming;
    /// <summary>Whether admins are exempt from the booking limits (default false).</summary>
    public bool LimitsExemptAdmins { get; set; }

    public BookingLimits ToLimits() => BookingLimits.Create(MaxPerPeriod, MaxPerDay, MaxUpcoming, LimitsExemptAdmins);

    /// <summary>
    /// The site's language (requirement D4): what a person reads when neither <c>?lang=</c>, their own choice nor their
    /// browser's <c>Accept-Language</c> names a supported one, and what the wall and door displays speak. A name of
    /// <see cref="Localization.SiteCultures.Supported"/>; default "en".
    /// </summary>
    public string DefaultLanguage { get; set; } = Localization.SiteCultures.Neutral;

    /// <summary>Bumped on every change; optimistic concurrency token.</summary>
    public int Version { get; set; }

    private sealed record PeriodDto(string Start, string End);

    public static string Serialize(IEnumerable<Period> periods) =>
        JsonSerializer.Serialize(periods.Select(p => new PeriodDto(p.Start.ToString("HH:mm"), p.End.ToString("HH:mm"))),
            JsonSerializerOptions.Web);

    public Timetable ToTimetable() =>
        Timetable.Create(TimeZoneId,
            JsonSerializer.Deserialize<PeriodDto[]>(PeriodsJson, JsonSerializerOptions.Web)!
                .Select(p => Period.Parse(p.Start, p.End)));

    public BookingWindowRule ToWindowRule() => WindowMode switch
    {
        BookingWindowMode.LeadTime => BookingWindowRule.LeadTimeBefore(TimeSpan.FromMinutes(LeadMinutes)),
        BookingWindowMode.DailyAt => BookingWindowRule.DailyAtTime(DailyAt, DaysBefore),
        _ => BookingWindowRule.AtPeriodStart,
    };
}
