using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Web.Features.Notifications.Calendar;

/// <summary>
/// Writes bookings as iCalendar (RFC 5545, Ical.Net). Start and end are the period's site-local times with the site's
/// IANA zone as TZID and a VTIMEZONE; the UID is the booking id (stable, so a calendar updates the event it already has);
/// STATUS is CONFIRMED, TENTATIVE (pending approval) or CANCELLED (cancelled, denied, released).
/// </summary>
public static class BookingCalendar
{
    public const string ContentType = "text/calendar";

    /// <summary>The event texts (summary, location, description) in the current UI culture.</summary>
    private static readonly Microsoft.Extensions.Localization.IStringLocalizer Text =
        MeetingRoom.Web.Localization.StaticLocalizers.For(typeof(BookingCalendar));
    public const string ProductId = "-//MeetingRoom//MeetingRoom//EN";

    /// <summary>The UID of a booking's event (the same in the single .ics, the feed and the email attachment).</summary>
    public static string Uid(Guid bookingId) => $"booking-{bookingId:D}@meetingroom";

    public static string Status(BookingState state) => state switch
    {
        BookingState.PendingApproval => EventStatus.Tentative,
        BookingState.Cancelled or BookingState.Released => EventStatus.Cancelled,
        _ => EventStatus.Confirmed,
    };

    /// <summary>
    /// A calendar of <paramref name="entries"/> and of <paramref name="series"/> (issue 22: one recurring event each, written by
    /// <see cref="SeriesCalendar"/>) in the site zone <paramref name="timeZoneId"/>, serialized.
    /// </summary>
    public static string Write(IEnumerable<CalendarEntry> entries, string timeZoneId, DateTimeOffset now, string? name = null,
        IEnumerable<SeriesCalendarEntry>? series = null)
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        if (name is not null) calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddTimeZone(new VTimeZone(timeZoneId));
        foreach (var e in entries)
        {
            var ev = new CalendarEvent
            {
                Uid = Uid(e.BookingId),
                Summary = e.RoomName,
                Location = Text["Location", e.RoomName, e.Floor],
                Start = new CalDateTime(e.Date.ToDateTime(e.Start), timeZoneId),
                End = new CalDateTime(e.Date.ToDateTime(e.End), timeZoneId),
                Status = Status(e.State),
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
                Created = new CalDateTime(e.BookedAt.UtcDateTime, "UTC"),
                Description = Describe(e),
                // A changed state must replace what a calendar already holds: the sequence grows with it.
                Sequence = e.State switch { BookingState.PendingApproval => 0, BookingState.Cancelled or BookingState.Released => 2, _ => 1 },
            };
            calendar.Events.Add(ev);
        }
        foreach (var s in series ?? []) calendar.Events.Add(SeriesCalendar.Event(s, timeZoneId, now));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The name of the personal feed's calendar, in the current UI culture.</summary>
    public static string FeedName => Text["FeedName"];

    private static string Describe(CalendarEntry e)
    {
        var format = MeetingRoom.Web.Localization.StaticLocalizers.Format;
        var text = Text["Description", e.RoomName, e.Floor, format.DayAndPeriod(e.Date, e.Start, e.End), Text["State" + e.State]].Value;
        return text + (string.IsNullOrWhiteSpace(e.Reason) ? "" : $" {e.Reason}");
    }
}
