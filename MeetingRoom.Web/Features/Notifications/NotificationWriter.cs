using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Notifications;

/// <summary>Writes notifications idempotently; shared by the outbox handler and the clock-driven reminders.</summary>
public static class NotificationWriter
{
    /// <summary>Adds the notification unless this member already has one of this kind for this booking.</summary>
    /// <returns>true when added.</returns>
    public static async Task<bool> AddOnceAsync(AppDbContext db, NotificationTexts texts, string memberId, NotificationKind kind, Guid bookingId,
        NotificationFacts facts, DateTimeOffset now, CancellationToken ct)
    {
        var exists = db.Notifications.Local.Any(x => x.MemberId == memberId && x.BookingId == bookingId && x.Kind == kind)
                     || await db.Notifications.AnyAsync(x => x.MemberId == memberId && x.BookingId == bookingId && x.Kind == kind, ct);
        if (exists) return false;
        db.Notifications.Add(texts.NewRow(memberId, kind, bookingId, facts, now));
        return true;
    }
}
