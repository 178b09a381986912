namespace MeetingRoom.Domain.Members;

/// <summary>
/// Where a member's account stands (P1). Only <see cref="Active"/> members can sign in; an <see cref="Invited"/> member
/// becomes active by accepting the invitation (setting a password, or signing in through single sign-on); a
/// <see cref="Deactivated"/> member loses every session and token and holds no upcoming booking.
/// </summary>
public enum MemberStatus
{
    Active,
    Invited,
    Deactivated,
}
