namespace MeetingRoom.Domain.Members;

/// <summary>Why a change of a member's account was refused (P1). The API names each one in a problem <c>type</c>.</summary>
public enum MemberRefusal
{
    /// <summary>An admin may not deactivate their own account (they would lock themselves out mid-action).</summary>
    CannotDeactivateSelf,
    /// <summary>The change would leave the site without an active admin.</summary>
    LastAdmin,
    /// <summary>The member's status does not allow it (e.g. reactivating an active member, resending to an active one).</summary>
    WrongStatus,
}
