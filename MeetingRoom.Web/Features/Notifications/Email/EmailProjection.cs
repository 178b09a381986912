using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Notifications.Calendar;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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
/// does not mail the history. A series (issue 22) is mailed by its notices (<see cref="SeriesNotices"/>: one email per series or
/// per change of it, to the admin who did it too, with the series' one recurring event attached), never once per occurrence.
/// Subject, body and the attached .ics are written in the member's language
/// (<see cref="IMemberLanguage"/>: their choice, else the site default; resources <c>Resources/Features/Notifications/Email/EmailProjection*.resx</c>).
/// </summary>
public sealed class EmailProjection(IOptions<SmtpOptions> smtp, SiteRulesProvider rules, EmailDelivery delivery, TimeProvider clock,
    NotificationTexts texts, IMemberLanguage languages, IStringLocalizer<EmailProjection> text, SiteFormat format,
    Members.Invitations.AccountMailWriter accountMails) : IOutboxHandler
{
    public const string HandlerName = "email";
    public string Name => HandlerName;
    private bool _wrote;

    /// <summary>What to mail: a confirmation (<paramref name="Kind"/> null) or what a notification tells.</summary>
    private sealed record Mail(MemberId Member, Guid BookingId, Domain.Scheduling.Slot Slot, NotificationKind? Kind, string? Reason, bool Pending,
        bool AttachCalendar, bool RoomRemoved = false, bool MemberDeactivated = false);

    public async Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (!smtp.Value.Enabled) return;
        if (domainEvent is Members.Invitations.AccountMailRequested account) // invitations, password resets: not booking mail
        {
            _wrote |= await accountMails.WriteAsync(db, messageId, account, ct);
            return;
        }
        if (SeriesNotices.Handles(domainEvent))
        {
            foreach (var notice in await SeriesNotices.OfAsync(db, domainEvent, ct))
                await WriteSeriesAsync(db, messageId, notice, ct);
            return;
        }
        if (await MailOfAsync(db, domainEvent, ct) is not { } mail) return;
        var room = await db.Rooms.AsNoTracking().Where(r => r.Id == mail.Slot.RoomId).Select(r => new { r.Name, r.Floor }).FirstOrDefaultAsync(ct);
        var roomName = room?.Name ?? $"Room {mail.Slot.RoomId}";
        await AddAsync(db, messageId, mail.Member, MessageIdFor(messageId, mail.Member.Value), async (zoneId, now) =>
        {
            var ics = mail.AttachCalendar ? await CalendarService.IcsOfAsync(db, mail.BookingId, zoneId, now, ct) : null;
            var (s, b) = Write(mail, roomName, room?.Floor, zoneId, ics is not null);
            return (s, b, ics);
        }, ct);
    }

    /// <summary>A series notice's email (issue 22), once per notice (its Message-Id is the notice's), with the series' .ics.</summary>
    private async Task WriteSeriesAsync(AppDbContext db, long messageId, SeriesNotices.Notice notice, CancellationToken ct)
    {
        var floor = await db.Rooms.AsNoTracking().Where(r => r.Id == db.Series.Where(s => s.Id == notice.SeriesId).Select(s => s.RoomId).FirstOrDefault())
            .Select(r => (int?)r.Floor).FirstOrDefaultAsync(ct);
        await AddAsync(db, messageId, notice.Member, SeriesMessageId(notice), async (zoneId, now) =>
        {
            var ics = await Calendar.SeriesCalendar.IcsOfAsync(db, notice.SeriesId, notice.Member, zoneId, now, ct);
            var subject = text["SubjectSeries", texts.Title(notice.Kind, notice.Facts)].Value;
            return (subject, Body(subject, texts.Body(notice.Kind, notice.Facts), floor, zoneId, ics is not null), ics);
        }, ct);
    }

    /// <summary>
    /// Adds the email for <paramref name="memberId"/> unless they turned email off, it was written already (this event, or this
    /// Message-Id) or they have no address (a deactivated member gets none, P1: the address may no longer be theirs). The
    /// subject, body and .ics are written by <paramref name="write"/> (given the site's zone and now) in the member's language.
    /// </summary>
    private async Task AddAsync(AppDbContext db, long messageId, MemberId memberId, string mailId,
        Func<string, DateTimeOffset, Task<(string Subject, string Body, string? Calendar)>> write, CancellationToken ct)
    {
        var member = memberId.Value;
        if (await db.MemberPreferences.AsNoTracking().AnyAsync(p => p.MemberId == member && p.EmailOff, ct)) return;
        if (db.EmailMessages.Local.Any(m => (m.OutboxId == messageId && m.MemberId == member) || m.MessageId == mailId)
            || await db.EmailMessages.AnyAsync(m => (m.OutboxId == messageId && m.MemberId == member) || m.MessageId == mailId, ct)) return;
        var to = await db.Users.Where(u => u.Id == member && u.Status != Domain.Members.MemberStatus.Deactivated)
            .Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(to)) return;

        var site = await rules.GetAsync(ct);
        var now = clock.GetUtcNow();
        var culture = await languages.CultureForAsync(member, ct);
        var (subject, body, calendar) = await UiCulture.Of(culture).RunAsync(() => write(site.Zone.Id, now)); // the member's language, for the .ics too
        db.EmailMessages.Add(new EmailMessage
        {
            OutboxId = messageId, MemberId = member, To = to, MessageId = mailId,
            Subject = subject, Body = body, Calendar = calendar, CreatedAt = now,
        });
        _wrote = true;
    }

    /// <summary>Stable per series notice and member: the events of one change of a series write one email.</summary>
    public static string SeriesMessageId(SeriesNotices.Notice notice) =>
        $"series-{notice.Key:N}.{notice.Kind.ToString().ToLowerInvariant()}.{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(notice.Member.Value)))[..16].ToLowerInvariant()}@meetingroom";

    public Task AfterCommitAsync(CancellationToken ct)
    {
        if (_wrote) delivery.Wake();
        _wrote = false;
        return Task.CompletedTask;
    }

    /// <summary>Stable per event and member: a resend after a crash carries the same Message-Id.</summary>
    public static string MessageIdFor(long outboxId, string memberId) =>
        $"event-{outboxId}.{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(memberId)))[..16].ToLowerInvariant()}@meetingroom";

    /// <summary>Subject and body in the current UI culture.</summary>
    private (string Subject, string Body) Write(Mail mail, string roomName, int? floor, string zoneId, bool withCalendar)
    {
        var slot = mail.Slot;
        var when = format.DayAndPeriod(slot.Date, slot.Period.Start, slot.Period.End);
        var facts = NotificationFacts.Of(roomName, slot, mail.Reason, pending: mail.Pending) with { RoomRemoved = mail.RoomRemoved, MemberDeactivated = mail.MemberDeactivated };
        var subject = mail.Kind switch
        {
            null => text["SubjectConfirmed", roomName, when].Value,
            NotificationKind.FromWaitlist => text["SubjectFromWaitlist", texts.Title(NotificationKind.FromWaitlist, facts), format.Day(slot.Date)].Value,
            { } kind => text["SubjectNotification", texts.Title(kind, facts), roomName, when].Value,
        };
        var line = mail.Kind is { } k ? texts.Body(k, facts) : texts.Body(NotificationKind.Approved, facts);
        return (subject, Body(subject, line, floor, zoneId, withCalendar));
    }

    /// <summary>An email's body in the current UI culture: the subject, what happened, the floor, the zone, the attachment, how to turn it off.</summary>
    private string Body(string subject, string line, int? floor, string zoneId, bool withCalendar) =>
        $"{subject}\n\n{line}"
        + (floor is { } f ? "\n" + text["Floor", f] : "")
        + "\n" + text["ZoneTime", zoneId]
        + (withCalendar ? "\n\n" + text["CalendarAttached"] : "")
        + "\n\n" + text["TurnOff"] + "\n";

    private static async Task<Mail?> MailOfAsync(AppDbContext db, IDomainEvent e, CancellationToken ct)
    {
        if (e is BookingPlaced { State: BookingState.Confirmed } placed)
        {
            // A booking handed over from the waitlist is told by its WaitlistServed event (one email, not two).
            if (await db.WaitlistEntries.AsNoTracking().AnyAsync(w => w.BookingId == placed.BookingId, ct)) return null;
            return new(placed.BookedBy, placed.BookingId, placed.Slot, null, null, false, true);
        }
        if (NotificationProjection.Describe(e) is not { } n) return null;
        var attach = e is BookingApproved || e is WaitlistServed { State: BookingState.Confirmed };
        return new(n.Member, n.BookingId, n.Slot, n.Kind, n.Reason, n.Pending, attach, n.RoomRemoved, n.MemberDeactivated);
    }
}
