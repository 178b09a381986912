using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>
/// The rules in force: the timetable (zone + periods), the booking window rule, after how long
/// an unclaimed booking is auto-released (<see cref="NoShowAfter"/>; null = never), and the booking
/// limits per member (<see cref="Limits"/>; the defaults when not given), and after how many no-shows in a row a series ends
/// (<see cref="SeriesNoShowStrikes"/>, issue 22; 0 = never). <see cref="Version"/> is the settings'
/// version they were read at (<see cref="SiteSettings.Version"/>: 0 before the first save, then grows by one per save).
/// </summary>
public sealed record SiteRules(Timetable Timetable, BookingWindowRule Window, TimeSpan? NoShowAfter = null, BookingLimits? MemberLimits = null,
    string DefaultLanguage = Localization.SiteCultures.Neutral, int Version = 0, int SeriesNoShowStrikes = SiteSettings.DefaultSeriesNoShowStrikes)
{
    public TimeZoneInfo Zone => Timetable.Zone;

    /// <summary>The booking limits per member (F1).</summary>
    public BookingLimits Limits => MemberLimits ?? BookingLimits.Default;

    public BookingWindow WindowFor(Slot slot) => Window.WindowFor(slot, Zone);

    /// <summary>The site-local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => SiteClock.LocalDate(instant, Zone);

    /// <summary>An instant shown with the site's UTC offset (ISO 8601 in the API).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => SiteClock.ToLocal(instant, Zone);

    public DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? Local(i) : null;

    /// <summary>
    /// The slot of room <paramref name="roomId"/> on site-local <paramref name="date"/> in the period that starts at
    /// <paramref name="start"/> (site-local), or null when the timetable has no such period.
    /// </summary>
    public Slot? SlotAt(int roomId, DateOnly date, TimeOnly start) =>
        Timetable.FindPeriod(start) is { } period ? Timetable.SlotFor(roomId, date, period) : null;
}

