using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Notifications.Calendar;

/// <summary>Bookings as iCalendar: one booking's .ics (its booker or an admin).</summary>
public sealed class CalendarService(AppDbContext db, SiteRulesProvider rules, TimeProvider clock)
{
    /// <summary>The .ics of one booking; members get only their own, admins any. Problem: unknown-booking.</summary>
    public async Task<AppResult<string>> BookingIcsAsync(Actor who, Guid bookingId, CancellationToken ct = default)
    {
        var entry = await EntriesOf(db, db.Bookings.AsNoTracking().Where(b => b.Id == bookingId && (b.BookedBy == who.Id || who.IsAdmin)))
            .FirstOrDefaultAsync(ct);
        if (entry is null) return BookingRefusal.UnknownBooking;
        var site = await rules.GetAsync(ct);
        return BookingCalendar.Write([entry], site.Zone.Id, clock.GetUtcNow());
    }

    /// <summary>The calendar text of one booking (for the confirmation email), or null when it is gone.</summary>
    public static async Task<string?> IcsOfAsync(AppDbContext db, Guid bookingId, string timeZoneId, DateTimeOffset now, CancellationToken ct) =>
        await EntriesOf(db, db.Bookings.AsNoTracking().Where(b => b.Id == bookingId)).FirstOrDefaultAsync(ct) is { } entry
            ? BookingCalendar.Write([entry], timeZoneId, now)
            : null;

    internal static IQueryable<CalendarEntry> EntriesOf(AppDbContext db, IQueryable<Domain.Bookings.Booking> bookings) =>
        bookings.Join(db.Rooms, b => b.RoomId, r => r.Id,
            (b, r) => new CalendarEntry(b.Id, r.Name, r.Floor, b.Date, b.PeriodStart, b.PeriodEnd, b.State, b.BookedAt, b.Reason));
}
