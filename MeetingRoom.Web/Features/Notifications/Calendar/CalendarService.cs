using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Notifications.Calendar;

/// <summary>
/// Bookings as iCalendar: one booking's .ics (its booker or an admin), and each member's personal feed behind a
/// secret token (stored as its SHA-256 for the look-up, and encrypted with the data-protection keys so that its
/// owner can be shown the URL again; regenerating replaces both, so the old URL stops working at once).
/// </summary>
public sealed class CalendarService(AppDbContext db, SiteRulesProvider rules, TimeProvider clock, IDataProtectionProvider protection)
{
    /// <summary>How far back the feed goes (recent past meetings stay in the subscribed calendar).</summary>
    public static readonly TimeSpan FeedHistory = TimeSpan.FromDays(30);
    public const int FeedMaxEvents = 500;

    private IDataProtector Protector => protection.CreateProtector("MeetingRoom.CalendarFeed.v1");

    /// <summary>The member's feed token, made now when they have none (or it can no longer be read).</summary>
    public async Task<string> FeedTokenAsync(Actor who, CancellationToken ct = default)
    {
        var prefs = await db.MemberPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == who.Id.Value, ct);
        if (prefs?.CalendarFeedTokenProtected is { } stored)
        {
            try { return Protector.Unprotect(stored); }
            catch (System.Security.Cryptography.CryptographicException) { } // the key ring was lost: a new token
        }
        return await RegenerateFeedAsync(who, ct);
    }

    /// <summary>A new feed token for the member; the previous one stops working.</summary>
    public async Task<string> RegenerateFeedAsync(Actor who, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            var prefs = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == who.Id.Value, ct);
            if (prefs is null) db.MemberPreferences.Add(prefs = new MemberPreferences { MemberId = who.Id.Value });
            prefs.CalendarFeedTokenHash = Hash(token);
            prefs.CalendarFeedTokenProtected = Protector.Protect(token);
            prefs.CalendarFeedCreatedAt = clock.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(ct);
                return token;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
                db.ChangeTracker.Clear(); // the member's row was created meanwhile (two first requests): again, on it
            }
        }
    }

    /// <summary>
    /// The feed of the member whose token this is: their bookings from <see cref="FeedHistory"/> ago on, or null for an unknown token.
    /// Each series they are the booker of (issue 22) is one recurring event (<see cref="SeriesCalendar"/>), and its occurrences are
    /// not listed again on their own.
    /// </summary>
    public async Task<string?> FeedAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var member = await db.MemberPreferences.AsNoTracking().Where(p => p.CalendarFeedTokenHash == hash).Select(p => p.MemberId).FirstOrDefaultAsync(ct);
        if (member is null) return null;
        var memberId = new MemberId(member);
        var now = clock.GetUtcNow();
        var from = now - FeedHistory;
        var site = await rules.GetAsync(ct);
        var series = await SeriesCalendar.ForBookerAsync(db, memberId, site.LocalDate(from), ct);
        var seriesIds = series.Select(s => s.SeriesId).ToList();
        var entries = await EntriesOf(db, db.Bookings.AsNoTracking()
                .Where(b => b.BookedBy == memberId && b.EndsAt >= from && (b.SeriesId == null || !seriesIds.Contains(b.SeriesId.Value)))
                .OrderBy(b => b.StartsAt).Take(FeedMaxEvents))
            .ToListAsync(ct);
        return BookingCalendar.Write(entries, site.Zone.Id, now, BookingCalendar.FeedName, series);
    }

    private static string Hash(string token) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    /// <summary>
    /// The .ics of one booking; members get only their own, admins any. An occurrence of a series (issue 22) gives its series'
    /// one recurring event (<see cref="SeriesCalendar"/>, the UID the feed and the emails carry), so adding it to a calendar
    /// that has the series changes nothing instead of adding a second event. Problem: unknown-booking.
    /// </summary>
    public async Task<AppResult<string>> BookingIcsAsync(Actor who, Guid bookingId, CancellationToken ct = default)
    {
        var mine = db.Bookings.AsNoTracking().Where(b => b.Id == bookingId && (b.BookedBy == who.Id || who.IsAdmin));
        var site = await rules.GetAsync(ct);
        var now = clock.GetUtcNow();
        if (await mine.Where(b => b.SeriesId != null).Select(b => new { SeriesId = b.SeriesId!.Value, b.BookedBy }).FirstOrDefaultAsync(ct) is { } occurrence
            && await SeriesCalendar.IcsOfAsync(db, occurrence.SeriesId, occurrence.BookedBy, site.Zone.Id, now, ct) is { } series)
            return series;
        var entry = await EntriesOf(db, mine).FirstOrDefaultAsync(ct);
        if (entry is null) return BookingRefusal.UnknownBooking;
        return BookingCalendar.Write([entry], site.Zone.Id, now);
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
