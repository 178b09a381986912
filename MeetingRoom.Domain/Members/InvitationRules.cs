namespace MeetingRoom.Domain.Members;

/// <summary>
/// The rules of invitations and password resets (issue 20, item 4). An invitation link is valid for
/// <see cref="InvitationLifetime"/> and works once; only an invited member can be sent one again or accept one;
/// only an active member who has a password is mailed a reset link.
/// </summary>
public static class InvitationRules
{
    /// <summary>How long an invitation link works (the issue: 7 days).</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>May an invitation be sent again to a member with <paramref name="status"/>? Null: yes (only an invited member).</summary>
    public static MemberRefusal? CanResend(MemberStatus status) =>
        status == MemberStatus.Invited ? null : MemberRefusal.WrongStatus;

    /// <summary>May a member with <paramref name="status"/> accept an invitation? Null: yes (only while invited: an accepted link is spent).</summary>
    public static MemberRefusal? CanAccept(MemberStatus status) =>
        status == MemberStatus.Invited ? null : MemberRefusal.WrongStatus;

    /// <summary>
    /// Is a member with <paramref name="status"/> sent a password-reset link? Only an active member who has a password:
    /// an invited member accepts the invitation instead, a deactivated one may not sign in, and a member who signs in
    /// through single sign-on has no password to reset.
    /// </summary>
    public static bool GetsPasswordReset(MemberStatus status, bool hasPassword) =>
        status == MemberStatus.Active && hasPassword;
}
