using System.Security.Cryptography;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Notifications.Email;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// Writes the <see cref="EmailMessage"/> of an <see cref="AccountMailRequested"/> event, inside the email handler's
/// transaction: in the member's language (their choice, else the site's default: an invited member has none yet), to
/// their account's address. Unlike booking mail it ignores the member's "email off" choice and needs no preferences
/// row: it is about the account, not a booking. Nothing is written when the mail no longer applies (the invitation was
/// accepted, the member is no longer active), when the link cannot be decrypted (key ring lost), or twice for one event.
/// </summary>
public sealed class AccountMailWriter(IDataProtectionProvider protection, IMemberLanguage languages, IStringLocalizer<AccountMailWriter> text,
    IOptions<AuthOptions> auth, IOptions<AccountLinkOptions> links, TimeProvider clock, ILogger<AccountMailWriter> logger)
{
    /// <summary>The protector of <see cref="AccountMailRequested.ProtectedLink"/>.</summary>
    public static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("MeetingRoom.AccountMail.Link");

    /// <summary>Adds the message to <paramref name="db"/> (not saved). Returns true when one was added.</summary>
    public async Task<bool> WriteAsync(AppDbContext db, long outboxId, AccountMailRequested mail, CancellationToken ct)
    {
        var member = await db.Users.AsNoTracking().Where(u => u.Id == mail.MemberId)
            .Select(u => new { u.Email, u.DisplayName, u.Status }).FirstOrDefaultAsync(ct);
        if (member is null || string.IsNullOrWhiteSpace(member.Email)) return false;
        var applies = mail.Kind switch
        {
            AccountMailKind.Invitation => member.Status == MemberStatus.Invited,
            AccountMailKind.PasswordReset => member.Status == MemberStatus.Active,
            _ => false,
        };
        if (!applies) return false;
        if (db.EmailMessages.Local.Any(m => m.OutboxId == outboxId && m.MemberId == mail.MemberId)
            || await db.EmailMessages.AnyAsync(m => m.OutboxId == outboxId && m.MemberId == mail.MemberId, ct)) return false;

        string link;
        try { link = Protector(protection).Unprotect(mail.ProtectedLink); }
        catch (CryptographicException e)
        {
            logger.LogWarning(e, "An account mail's link could not be decrypted (data-protection keys changed); it is not sent.");
            return false;
        }

        var culture = await languages.CultureForAsync(mail.MemberId, ct);
        var (subject, body) = UiCulture.Of(culture).Run(() => Write(mail, member.DisplayName, link));

        db.EmailMessages.Add(new EmailMessage
        {
            OutboxId = outboxId, MemberId = mail.MemberId, To = member.Email, MessageId = EmailProjection.MessageIdFor(outboxId, mail.MemberId),
            Subject = subject, Body = body, CreatedAt = clock.GetUtcNow(),
        });
        return true;
    }

    /// <summary>Subject and body in the current UI culture.</summary>
    private (string Subject, string Body) Write(AccountMailRequested mail, string name, string link)
    {
        if (mail.Kind == AccountMailKind.Invitation)
        {
            var days = (int)links.Value.InvitationLifetime.TotalDays;
            var sso = !auth.Value.LocalAccounts;
            var subject = text["InvitationSubject"].Value;
            var body = text["Greeting", name] + "\n\n"
                       + (string.IsNullOrWhiteSpace(mail.InvitedBy) ? text["InvitedLead"] : text["InvitedByLead", mail.InvitedBy]) + "\n\n"
                       + (sso ? text["InvitationOpenSso", days, auth.Value.Oidc.DisplayName] : text["InvitationOpen", days]) + "\n"
                       + link + "\n\n"
                       + text["InvitationOnce"] + "\n";
            return (subject, body);
        }
        var minutes = (int)links.Value.PasswordResetLifetime.TotalMinutes;
        var within = minutes == 60 ? text["HourOne"].Value : minutes % 60 == 0 ? text["Hours", minutes / 60].Value : text["Minutes", minutes].Value;
        return (text["ResetSubject"].Value,
            text["Greeting", name] + "\n\n" + text["ResetLead"] + "\n\n" + text["ResetOpen", within] + "\n" + link + "\n\n" + text["ResetOnce"] + "\n");
    }
}
