namespace MeetingRoom.Domain.Members;

/// <summary>Why a single sign-on was refused (issue 20). The sign-in page names each one with a stable code.</summary>
public enum SignOnRefusal
{
    /// <summary>The provider gave no email, or did not say it is verified.</summary>
    UnverifiedEmail,
    /// <summary>The email's domain is not one of the allowed domains.</summary>
    DomainNotAllowed,
    /// <summary>The member was deactivated: no sign-in by any method.</summary>
    Deactivated,
    /// <summary>
    /// The email belongs to a member already linked to another account of the same provider (the address was given
    /// to someone else at the provider): linking the newcomer would hand them the old member's bookings.
    /// </summary>
    LinkedToAnotherAccount,
}
