namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// How long the links mailed for an account work: configuration keys <c>Auth:InvitationDays</c> (default 7, the
/// issue's rule <see cref="Domain.Members.InvitationRules.InvitationLifetime"/>) and
/// <c>Auth:PasswordResetMinutes</c> (default 120). Bound from the "Auth" section next to <see cref="AuthOptions"/>.
/// </summary>
public sealed class AccountLinkOptions
{
    /// <summary>Days an invitation link works (1–30).</summary>
    public int InvitationDays { get; set; } = (int)Domain.Members.InvitationRules.InvitationLifetime.TotalDays;

    /// <summary>
    /// Minutes a password-reset link works (5–1440). Two hours rather than Identity's default of a day: long enough to
    /// read the mail, short enough that an old mailbox does not hold a usable key to the account.
    /// </summary>
    public int PasswordResetMinutes { get; set; } = 120;

    public TimeSpan InvitationLifetime => TimeSpan.FromDays(Math.Clamp(InvitationDays, 1, 30));
    public TimeSpan PasswordResetLifetime => TimeSpan.FromMinutes(Math.Clamp(PasswordResetMinutes, 5, 1440));
}
