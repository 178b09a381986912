using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Members;

/// <summary>
/// The rules an admin's change of a member must keep (issue 20): nobody deactivates themselves, and the site never
/// loses its last active admin. The caller counts <c>activeAdmins</c> while holding the admin-set lock (the web
/// layer's <c>AdminSetLock</c>), so two admins demoting each other at once cannot both pass.
/// </summary>
public static class MemberRules
{
    /// <summary>
    /// May <paramref name="by"/> deactivate <paramref name="target"/>, who has <paramref name="status"/> and is an admin or not,
    /// when <paramref name="activeAdmins"/> active admins exist (the target included)? Null: yes.
    /// </summary>
    public static MemberRefusal? CanDeactivate(MemberId by, MemberId target, MemberStatus status, bool targetIsAdmin, int activeAdmins)
    {
        if (by == target) return MemberRefusal.CannotDeactivateSelf;
        if (status == MemberStatus.Deactivated) return MemberRefusal.WrongStatus;
        if (targetIsAdmin && status == MemberStatus.Active && activeAdmins <= 1) return MemberRefusal.LastAdmin;
        return null;
    }

    /// <summary>May a deactivated member be reactivated? Null: yes (only a deactivated member can be).</summary>
    public static MemberRefusal? CanReactivate(MemberStatus status) =>
        status == MemberStatus.Deactivated ? null : MemberRefusal.WrongStatus;

    /// <summary>
    /// May the Admin role be taken from a member with status <paramref name="status"/> when
    /// <paramref name="activeAdmins"/> active admins exist (the target included)? Null: yes. Taking it from oneself is
    /// allowed while another active admin remains.
    /// </summary>
    public static MemberRefusal? CanRemoveAdmin(MemberStatus status, int activeAdmins) =>
        status == MemberStatus.Active && activeAdmins <= 1 ? MemberRefusal.LastAdmin : null;
}
