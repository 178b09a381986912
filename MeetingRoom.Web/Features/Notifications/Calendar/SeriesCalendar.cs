using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Notifications.Calendar;

/// <summary>
/// A series (issue 22) as ONE calendar event with an RRULE (<see cref="Domain.Series.SeriesRule.ToPattern"/>) and an EXDATE for
/// each date of the rule that is not an active occurrence of the booker's (see <see cref="SeriesCalendarEntry"/>), in the
/// site's zone (TZID and VTIMEZONE as <see cref="BookingCalendar"/> writes them). Its UID (<see cref="Uid"/>) is the same in
/// the personal feed and in every email about the series, and its SEQUENCE (<see cref="SequenceOf"/>) grows with every change
/// of the series and with every EXDATE, so a calendar replaces the event it holds; STATUS is CANCELLED once the series is cancelled or ended for no-shows. The series' single occurrences are
/// then not written again as events of their own.
/// </summary>
public static class SeriesCalendar
{
    /// <summary>The UID of a series' event: <c>series-{id}@meetingroom</c>.</summary>
    public static string Uid(Guid seriesId) => $"series-{seriesId:D}@meetingroom";

    /// <summary>The states in which an occurrence still takes place (or took place) for its booker: not an EXDATE.</summary>
    private static readonly BookingState[] Kept = [BookingState.PendingApproval, BookingState.Confirmed, BookingState.InMeeting, BookingState.Ended];

    private static readonly Microsoft.Extensions.Localization.IStringLocalizer Text =
        MeetingRoom.Web.Localization.StaticLocalizers.For(typeof(SeriesCalendar));

    /// <summary>
    /// The event's SEQUENCE (RFC 5545 §3.8.7.4: incremented with each revision a calendar must apply):
    /// <c>1000 × BookingSeries.Sequence + EXDATE count</c>. A single occurrence cancelled, released or handed over adds an
    /// EXDATE without changing the series, so it too must raise the SEQUENCE, or some calendars keep the old event; between two
    /// changes of the series the EXDATEs only grow, and a change of the series (at most <see cref="Domain.Series.SeriesRule.MaxOccurrences"/>
    /// dates, fewer than 1000) outweighs any EXDATEs it removes, so the number never goes down.
    /// </summary>
    public static int SequenceOf(SeriesCalendarEntry entry) => entry.Sequence * 1000 + entry.ExceptDates.Count;

    /// <summary>The event of <paramref name="entry"/> in the zone <paramref name="timeZoneId"/>, stamped <paramref name="now"/>.</summary>
    public static CalendarEvent Event(SeriesCalendarEntry entry, string timeZoneId, DateTimeOffset now)
    {
        var ev = new CalendarEvent
        {
            Uid = Uid(entry.SeriesId),
            Summary = entry.Title,
            Location = Text["Location", entry.RoomName, entry.Floor],
            Start = new CalDateTime(entry.FirstDate.ToDateTime(entry.Start), timeZoneId),
            End = new CalDateTime(entry.FirstDate.ToDateTime(entry.End), timeZoneId),
            Status = entry.Ended ? EventStatus.Cancelled : EventStatus.Confirmed,
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            Created = new CalDateTime(entry.CreatedAt.UtcDateTime, "UTC"),
            Sequence = SequenceOf(entry),
            Description = Text["Description", entry.Title, entry.RoomName, entry.Floor, Series.SeriesRuleText.Of(entry.Rule)].Value,
        };
        ev.RecurrenceRules.Add(entry.Rule.ToPattern());
        foreach (var date in entry.ExceptDates)
            ev.ExceptionDates.Add(new CalDateTime(date.ToDateTime(entry.Start), timeZoneId));
        return ev;
    }

    /// <summary>
    /// The series of <paramref name="booker"/> whose last date is on or after <paramref name="from"/> (site-local), as calendar
    /// entries (two queries: the series, then their occurrences).
    /// </summary>
    public static async Task<List<SeriesCalendarEntry>> ForBookerAsync(AppDbContext db, MemberId booker, DateOnly from, CancellationToken ct)
    {
        var series = await db.Series.AsNoTracking().Where(s => s.BookedBy == booker).ToListAsync(ct);
        return await EntriesAsync(db, series, booker, from, ct);
    }

    /// <summary>The series <paramref name="seriesId"/> as <paramref name="booker"/>'s calendar entry, or null when it is gone.</summary>
    public static async Task<SeriesCalendarEntry?> OfAsync(AppDbContext db, Guid seriesId, MemberId booker, CancellationToken ct)
    {
        var series = await db.Series.AsNoTracking().Where(s => s.Id == seriesId).ToListAsync(ct);
        return (await EntriesAsync(db, series, booker, DateOnly.MinValue, ct)).FirstOrDefault();
    }

    /// <summary>
    /// The calendar text of the series <paramref name="seriesId"/> for <paramref name="booker"/> (the series email's attachment): CANCELLED
    /// for a member it is no longer booked for (handed to someone else). Null when the series is gone.
    /// </summary>
    public static async Task<string?> IcsOfAsync(AppDbContext db, Guid seriesId, MemberId booker, string timeZoneId, DateTimeOffset now,
        CancellationToken ct) =>
        await OfAsync(db, seriesId, booker, ct) is { } entry ? BookingCalendar.Write([], timeZoneId, now, series: [entry]) : null;

    private static async Task<List<SeriesCalendarEntry>> EntriesAsync(AppDbContext db, List<Domain.Series.BookingSeries> series, MemberId booker,
        DateOnly from, CancellationToken ct)
    {
        if (series.Count == 0) return [];
        var ids = series.Select(s => s.Id).ToList();
        var roomIds = series.Select(s => s.RoomId).Distinct().ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => new { r.Name, r.Floor }, ct);
        var kept = (await db.Bookings.AsNoTracking()
                .Where(b => b.SeriesId != null && ids.Contains(b.SeriesId.Value) && b.BookedBy == booker && Kept.Contains(b.State))
                .Select(b => new { SeriesId = b.SeriesId!.Value, b.Date }).ToListAsync(ct))
            .ToLookup(b => b.SeriesId, b => b.Date);
        var entries = new List<SeriesCalendarEntry>();
        foreach (var s in series)
        {
            IReadOnlyList<DateOnly> dates;
            try { dates = s.Dates(); }
            catch (DomainValidationException) { continue; } // a rule no longer sound cannot be written as an RRULE
            if (dates.Count == 0 || dates[^1] < from) continue;
            var held = kept[s.Id].ToHashSet();
            var room = rooms.GetValueOrDefault(s.RoomId);
            entries.Add(new SeriesCalendarEntry(s.Id, s.Title, room?.Name ?? $"Room {s.RoomId}", room?.Floor ?? 0, s.FirstDate, s.PeriodStart, s.PeriodEnd,
                s.Rule, dates.Where(d => !held.Contains(d)).ToList(), s.State is not Domain.Series.SeriesState.Active || s.BookedBy != booker,
                s.Sequence, s.CreatedAt));
        }
        return entries;
    }
}
