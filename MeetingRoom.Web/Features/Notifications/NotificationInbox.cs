using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Notifications;

/// <summary>Configuration section "Notifications".</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";
    /// <summary>Days a notification is kept (default 90).</summary>
    public int RetentionDays { get; set; } = 90;
    /// <summary>Minutes before a meeting's period ends that its booker is reminded (default 10; 0 = off).</summary>
    public int EndingSoonMinutes { get; set; } = 10;
}

/// <summary>A notification as the API and the bell show it (instants UTC, ISO 8601), worded in the reader's language.</summary>
public sealed record NotificationDto(long Id, NotificationKind Kind, Guid BookingId, string Title, string Body, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>The signed-in member's notifications: list, unread count, mark read (B7).</summary>
/// <remarks>
/// Every change here is written with an <see cref="InboxChanged"/> event in the outbox, in the same transaction,
/// so the member's bells on every instance update by the one path (<see cref="LiveInboxPusher"/>).
/// </remarks>
public sealed class NotificationInbox(AppDbContext db, TimeProvider clock, IOptions<NotificationOptions> options, NotificationTexts texts)
{
    /// <summary>Newest first, at most <paramref name="take"/>; titles and bodies in the current UI culture.</summary>
    public async Task<IReadOnlyList<NotificationDto>> ListAsync(Actor who, int take = 100, CancellationToken ct = default) =>
        (await db.Notifications.AsNoTracking().Where(n => n.MemberId == who.Id.Value)
            .OrderByDescending(n => n.Id).Take(take).ToListAsync(ct))
        .Select(n => texts.ToDto(n)).ToList();

    public Task<int> UnreadCountAsync(Actor who, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.MemberId == who.Id.Value && n.ReadAt == null, ct);

    /// <summary>Marks one of the member's notifications read. Problem: not-found (also for someone else's).</summary>
    public async Task<AppResult<NotificationDto>> MarkReadAsync(Actor who, long id, CancellationToken ct = default)
    {
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.MemberId == who.Id.Value, ct);
        if (n is null) return AppProblem.NotFound(ProblemCodes.NotFound, ProblemText.Get("UnknownNotification"));
        if (n.ReadAt is null)
        {
            n.ReadAt = clock.GetUtcNow();
            db.AddToOutbox(new InboxChanged(who.Id.Value, n.ReadAt.Value));
            await db.SaveChangesAsync(ct);
        }
        return texts.ToDto(n, isRead: true);
    }

    /// <summary>Marks all of the member's notifications read; returns how many changed.</summary>
    public async Task<int> MarkAllReadAsync(Actor who, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var changed = await db.Notifications.Where(n => n.MemberId == who.Id.Value && n.ReadAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), ct);
            if (changed == 0) return 0;
            db.AddToOutbox(new InboxChanged(who.Id.Value, now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return changed;
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>
    /// Reminds the booker of each meeting in progress whose period ends within the configured minutes
    /// (once per booking). Evaluated from stored state, so a restart loses nothing.
    /// </summary>
    public async Task<int> RemindEndingSoonAsync(CancellationToken ct = default)
    {
        var minutes = options.Value.EndingSoonMinutes;
        if (minutes <= 0) return 0;
        var now = clock.GetUtcNow();
        var horizon = now + TimeSpan.FromMinutes(minutes);
        var meetings = await db.Bookings.AsNoTracking()
            .Where(b => b.State == BookingState.InMeeting && b.EndsAt > now && b.EndsAt <= horizon)
            .Join(db.Rooms, b => b.RoomId, r => r.Id, (b, r) => new { Booking = b, RoomName = r.Name })
            .ToListAsync(ct);
        var members = new List<string>();
        foreach (var m in meetings)
        {
            if (await NotificationWriter.AddOnceAsync(db, texts, m.Booking.BookedBy.Value, NotificationKind.EndingSoon, m.Booking.Id,
                    NotificationFacts.Of(m.RoomName, m.Booking.Slot, minutes: minutes), now, ct))
            {
                members.Add(m.Booking.BookedBy.Value);
                db.AddToOutbox(new InboxChanged(m.Booking.BookedBy.Value, now)); // committed with the reminder, or not at all
            }
        }
        if (members.Count == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // another pass (or instance) reminded them first: done either way
            return 0;
        }
        return members.Count;
    }

    /// <summary>The next instant a reminder falls due (after now), for the clock-driven service.</summary>
    public async Task<DateTimeOffset?> NextReminderAsync(CancellationToken ct = default)
    {
        var minutes = options.Value.EndingSoonMinutes;
        if (minutes <= 0) return null;
        var now = clock.GetUtcNow();
        var lead = TimeSpan.FromMinutes(minutes);
        var next = await db.Bookings.Where(b => b.State == BookingState.InMeeting && b.EndsAt > now + lead)
            .OrderBy(b => b.EndsAt).Select(b => (DateTimeOffset?)b.EndsAt).FirstOrDefaultAsync(ct);
        return next - lead;
    }

    /// <summary>Deletes notifications older than the retention period.</summary>
    public Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        return WithWriteGateAsync(() => db.Notifications.Where(n => n.CreatedAt < cutoff).ExecuteDeleteAsync(ct), ct);
    }

    /// <summary>Bulk statements bypass SaveChanges, so they take the SQLite write gate themselves.</summary>
    private async Task<int> WithWriteGateAsync(Func<Task<int>> write, CancellationToken ct)
    {
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync(ct);
        try { return await write(); }
        finally { gate?.Release(); }
    }
}
