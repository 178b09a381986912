using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Notifications.Calendar;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Notifications.Email;

/// <summary>
/// The "email" outbox handler: turns booking events into emails — booking confirmed (with its .ics), and what
/// <see cref="NotificationProjection.Describe"/> tells a member (approved, denied with the reason, cancelled by an
/// admin or by out of service, released as a no-show, received from the waitlist), with the same texts. It only
/// writes <see cref="EmailMessage"/> rows, in the dispatcher's transaction with its cursor (one per event and
/// member: a unique key); it never talks to the SMTP server, so a slow or failing server holds no transaction,
/// no SQLite write lock and no other handler. <see cref="EmailDelivery"/> sends them.
/// Off (writes nothing, the cursor still advances) while <c>Smtp:Host</c> is unset, so enabling email later
/// does not mail the history.
/// </summary>
public sealed class EmailProjection(IOptions<SmtpOptions> smtp, SiteRulesProvider rules, EmailDelivery delivery, TimeProvider clock) : IOutboxHandler
{
    public const string HandlerName = "email";
    public string Name => HandlerName;
    private bool _wrote;

    private sealed record Mail(MemberId Member, Guid BookingId, Domain.Scheduling.Slot Slot, Func<string, string> Subject, string? Reason, bool AttachCalendar);

    public async Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (!smtp.Value.Enabled) return;
        if (await MailOfAsync(db, domainEvent, ct) is not { } mail) return;
        var member = mail.Member.Value;
        if (await db.MemberPreferences.AsNoTracking().AnyAsync(p => p.MemberId == member && p.EmailOff, ct)) return;
        if (db.EmailMessages.Local.Any(m => m.OutboxId == messageId && m.MemberId == member)
            || await db.EmailMessages.AnyAsync(m => m.OutboxId == messageId && m.MemberId == member, ct)) return;
        var to = await db.Users.Where(u => u.Id == member).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(to)) return;

        var room = await db.Rooms.AsNoTracking().Where(r => r.Id == mail.Slot.RoomId).Select(r => new { r.Name, r.Floor }).FirstOrDefaultAsync(ct);
        var roomName = room?.Name ?? $"Room {mail.Slot.RoomId}";
        var site = await rules.GetAsync(ct);
        var now = clock.GetUtcNow();
        var calendar = mail.AttachCalendar ? await CalendarService.IcsOfAsync(db, mail.BookingId, site.Zone.Id, now, ct) : null;
        var subject = mail.Subject(roomName);
        var body = $"{subject}\n\n{NotificationWriter.Body(roomName, mail.Slot, mail.Reason)}"
                   + (room is null ? "" : $"\nFloor {room.Floor}")
                   + $"\n({site.Zone.Id} time)"
                   + (calendar is null ? "" : "\n\nThe attached invitation (booking.ics) adds it to your calendar.")
                   + "\n\nYou can turn these emails off under My bookings in MeetingRoom.\n";
        db.EmailMessages.Add(new EmailMessage
        {
            OutboxId = messageId, MemberId = member, To = to, MessageId = MessageIdFor(messageId, member),
            Subject = subject, Body = body, Calendar = calendar, CreatedAt = now,
        });
        _wrote = true;
    }

    public Task AfterCommitAsync(CancellationToken ct)
    {
        if (_wrote) delivery.Wake();
        _wrote = false;
        return Task.CompletedTask;
    }

    /// <summary>Stable per event and member: a resend after a crash carries the same Message-Id.</summary>
    public static string MessageIdFor(long outboxId, string memberId) =>
        $"event-{outboxId}.{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(memberId)))[..16].ToLowerInvariant()}@meetingroom";

    private static async Task<Mail?> MailOfAsync(AppDbContext db, IDomainEvent e, CancellationToken ct)
    {
        if (e is BookingPlaced { State: BookingState.Confirmed } placed)
        {
            // A booking handed over from the waitlist is told by its WaitlistServed event (one email, not two).
            if (await db.WaitlistEntries.AsNoTracking().AnyAsync(w => w.BookingId == placed.BookingId, ct)) return null;
            return new(placed.BookedBy, placed.BookingId, placed.Slot, room => $"Booking confirmed: {room} {placed.Slot.Date:yyyy-MM-dd} {placed.Slot.Period}", null, true);
        }
        if (NotificationProjection.Describe(e) is not { } n) return null;
        var attach = e is BookingApproved || e is WaitlistServed { State: BookingState.Confirmed };
        return new(n.Member, n.BookingId, n.Slot, room => e is WaitlistServed
            ? $"{n.Title(room)} ({n.Slot.Date:yyyy-MM-dd})"
            : $"{n.Title(room)}: {room} {n.Slot.Date:yyyy-MM-dd} {n.Slot.Period}", n.Reason, attach);
    }
}
