using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Notifications;

/// <summary>
/// Turns booking events into members' notifications (B7): approved, denied (with reason), cancelled
/// by an admin, room out of service, auto-released, received from the waitlist (F3), a waitlist place removed with its
/// deleted room (issue 25), and a series' notices (issue 22,
/// <see cref="SeriesNotices"/>: one per series or per change of it, never one per occurrence). Runs from the outbox with its own cursor, so a
/// failing notifier never blocks booking or the schedule; it catches up after and produces each
/// notification once (a redelivered event finds its notification already there). The bell is told by
/// the per-instance <see cref="LiveInboxPusher"/> once this handler has applied the event.
/// </summary>
public sealed class NotificationProjection(TimeProvider clock, NotificationTexts texts) : IOutboxHandler
{
    public const string HandlerName = "notifications";

    public string Name => HandlerName;

    public async Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (SeriesNotices.Handles(domainEvent))
        {
            foreach (var notice in await SeriesNotices.OfAsync(db, domainEvent, ct))
                if (notice.Inbox)
                    await NotificationWriter.AddOnceAsync(db, texts, notice.Member.Value, notice.Kind, notice.Key, notice.Facts, clock.GetUtcNow(), ct);
            return;
        }
        if (Describe(domainEvent) is not { } n) return;
        var roomName = await db.Rooms.Where(r => r.Id == n.Slot.RoomId).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? $"Room {n.Slot.RoomId}";
        await NotificationWriter.AddOnceAsync(db, texts, n.Member.Value, n.Kind, n.BookingId, n.Facts(roomName), clock.GetUtcNow(), ct);
    }

    public Task AfterCommitAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The members a notification may be made for by this event (none for most events).</summary>
    public static IEnumerable<MemberId> MembersToldOf(IDomainEvent e) =>
        e is InboxChanged x ? [new MemberId(x.MemberId)]
        : SeriesNotices.Handles(e) ? SeriesNotices.MembersToldOf(e)
        : Describe(e)?.Member is { } member ? [member] : [];

    /// <summary>
    /// What an event tells a member, without words (shared by the notifications and the email, which word it with
    /// <see cref="NotificationTexts"/>): the admin's reason as written, and whether a booking from the waitlist is pending.
    /// </summary>
    internal sealed record Described(MemberId Member, NotificationKind Kind, Guid BookingId, Slot Slot, string? Reason,
        bool Pending = false, bool RoomRemoved = false, bool MemberDeactivated = false)
    {
        public NotificationFacts Facts(string roomName) =>
            NotificationFacts.Of(roomName, Slot, Reason, pending: Pending) with { RoomRemoved = RoomRemoved, MemberDeactivated = MemberDeactivated };
    }

    internal static Described? Describe(IDomainEvent e) => e switch
    {
        BookingCancelled { Cause: CancellationCause.SeriesCancelled or CancellationCause.SeriesNoShows } => null, // SeriesNotices tells
        BookingApproved x => new(x.BookedBy, NotificationKind.Approved, x.BookingId, x.Slot, null),
        BookingDenied x => new(x.BookedBy, NotificationKind.Denied, x.BookingId, x.Slot, x.Reason),
        BookingCancelled { Cause: CancellationCause.RoomOutOfService } x =>
            new(x.BookedBy, NotificationKind.RoomOutOfService, x.BookingId, x.Slot, x.Reason),
        BookingCancelled { Cause: CancellationCause.RoomDeleted } x => // the reason is worded for the reader, not the stored English
            new(x.BookedBy, NotificationKind.CancelledByAdmin, x.BookingId, x.Slot, null, RoomRemoved: true),
        BookingCancelled { Cause: CancellationCause.MemberDeactivated } x => // worded for the reader, like a removed room
            new(x.BookedBy, NotificationKind.CancelledByAdmin, x.BookingId, x.Slot, null, MemberDeactivated: true),
        BookingCancelled { ByAdmin: true } x =>
            new(x.BookedBy, NotificationKind.CancelledByAdmin, x.BookingId, x.Slot, x.Reason),
        BookingReleased x => new(x.BookedBy, NotificationKind.Released, x.BookingId, x.Slot, null),
        WaitlistServed x => new(x.Member, NotificationKind.FromWaitlist, x.BookingId, x.Slot, null, x.State == BookingState.PendingApproval),
        WaitlistLeft { Cause: WaitlistLeaveCause.RoomDeleted } x => // worded for the reader, like a booking of a removed room
            new(x.Member, NotificationKind.WaitlistPlaceRemoved, WaitlistPlaceKey(x.EntryId), x.Slot, null, RoomRemoved: true),
        _ => null,
    };

    /// <summary>
    /// The key (<see cref="Notification.BookingId"/>) of a notice about waitlist place <paramref name="entryId"/>: a name-based
    /// UUID (SHA-256 of "waitlist-place/{id}"), the same for every delivery of its event, so the member is told once.
    /// </summary>
    public static Guid WaitlistPlaceKey(long entryId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"waitlist-place/{entryId}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
