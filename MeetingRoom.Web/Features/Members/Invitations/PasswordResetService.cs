using System.Text;
using System.Threading.Channels;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Notifications.Email;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// "Forgot password?" (issue 20, item 4): the page <c>/Account/ForgotPassword</c> and Identity's
/// <c>POST /api/auth/forgotPassword</c> (through <see cref="AccountEmailSender"/>) both end in <see cref="Queue"/>, which mails
/// a reset link only to an active member who has a password, while local accounts are on and the site sends email. Every
/// other case — no such account, invited, deactivated, single sign-on only — gets the same answer and the same work on the
/// request (no account enumeration): the mail itself is written to the outbox in the background
/// (<see cref="ResetMailQueue"/>), so the answer's time does not tell either. The link,
/// <c>{site}/Account/ResetPassword?email=…&amp;code=…</c>, carries the code as <c>/api/auth/resetPassword</c> takes it, works for
/// <see cref="AccountLinkOptions.PasswordResetMinutes"/> (120) minutes and once (a reset changes the security stamp).
/// Scoped.
/// </summary>
public sealed class PasswordResetService(
    UserManager<AppUser> users, AccountLinks links, ResetMailQueue queue, IDataProtectionProvider protection,
    IOptions<SmtpOptions> smtp, IOptions<AuthOptions> auth, IOptions<IdentityOptions> identity, TimeProvider clock, ILogger<PasswordResetService> logger)
{
    /// <summary>The page's request: as <c>/api/auth/forgotPassword</c> does it (an account with a confirmed email gets a code), then <see cref="Queue"/>.</summary>
    public async Task RequestAsync(string? email)
    {
        if (MemberInput.EmailProblem(email) is not null) return;
        var user = await users.FindByEmailAsync(email!.Trim());
        if (user is null || !await users.IsEmailConfirmedAsync(user)) return;
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        Queue(user, code);
    }

    /// <summary>
    /// Queues the reset mail for <paramref name="user"/> with <paramref name="code"/> (Identity's reset token, base64url of
    /// its UTF-8 bytes) when they get one (<see cref="InvitationRules.GetsPasswordReset"/>); otherwise does nothing.
    /// Decided from the loaded account, without a database round trip.
    /// </summary>
    public void Queue(AppUser user, string code)
    {
        if (!auth.Value.LocalAccounts || !smtp.Value.Enabled) return;
        if (!InvitationRules.GetsPasswordReset(user.Status, user.PasswordHash is not null) || string.IsNullOrEmpty(user.Email)) return;
        var link = links.PasswordReset(user.Email, code);
        queue.Enqueue(new AccountMailRequested(user.Id, AccountMailKind.PasswordReset, AccountMailWriter.Protector(protection).Protect(link), null, clock.GetUtcNow()));
    }

    /// <summary>
    /// Whether a reset link (<paramref name="email"/>, <paramref name="code"/>) still works: an active member with a
    /// password, and the code valid for them now. Reads only.
    /// </summary>
    public async Task<bool> CheckLinkAsync(string? email, string? code) => await MemberOfLinkAsync(email, code) is not null;

    /// <summary>
    /// Sets a new password with a reset link (the page; the API's <c>/api/auth/resetPassword</c> does the same with
    /// Identity's endpoint). Problems: invalid-link (expired, used, altered, not an active member), invalid-input
    /// (<c>password</c>: Identity's rules; <c>confirmPassword</c>: the two differ), forbidden (local accounts off).
    /// </summary>
    public async Task<AppResult<AppUser>> ResetAsync(string? email, string? code, string? password, string? confirmPassword)
    {
        if (!auth.Value.LocalAccounts)
            return new AppProblem(ProblemCodes.Forbidden, 403, ProblemText.Get("TitlePasswordsOff"), ProblemText.Get("PasswordsOff"));
        if (await MemberOfLinkAsync(email, code) is not { } found) return InvalidLink();
        if (PasswordInput.Problem(password, confirmPassword) is { } invalid) return invalid;
        var result = await users.ResetPasswordAsync(found.User, found.Token, password!); // validates, hashes, new security stamp
        if (result.Succeeded)
        {
            logger.LogInformation("Member {MemberId} reset their password with a mailed link.", found.User.Id);
            return found.User;
        }
        return result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.InvalidToken) or nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? InvalidLink()
            : PasswordInput.Invalid("password", result.Errors, identity.Value.Password);
    }

    private async Task<(AppUser User, string Token)?> MemberOfLinkAsync(string? email, string? code)
    {
        if (MemberInput.EmailProblem(email) is not null || string.IsNullOrEmpty(code) || code.Length > RequiredFieldsFilter.MaxTokenLength) return null;
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
        var user = await users.FindByEmailAsync(email!.Trim());
        if (user is null || !InvitationRules.GetsPasswordReset(user.Status, user.PasswordHash is not null)) return null;
        var valid = await users.VerifyUserTokenAsync(user, identity.Value.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
        return valid ? (user, token) : null;
    }

    /// <summary>The one answer for every bad reset link.</summary>
    public static AppProblem InvalidLink() => new(ProblemCodes.InvalidLink, 410, ProblemText.Get("TitleInvalidLink"), ProblemText.Get("InvalidResetLink"));
}
