using MeetingRoom.Domain.Members;
using Microsoft.AspNetCore.Identity;

namespace MeetingRoom.Web.Infrastructure.Identity;

/// <summary>A person who signs in. <see cref="DisplayName"/> is what boards and lists show.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Active, invited (no sign-in yet) or deactivated (P1). Stored as its name.</summary>
    public MemberStatus Status { get; set; } = MemberStatus.Active;

    /// <summary>When the last invitation was sent (UTC); null for a member who was never invited.</summary>
    public DateTimeOffset? InvitedAt { get; set; }

    /// <summary>When the member last signed in, by any method (UTC); null: never.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>When the member was deactivated (UTC); null while not deactivated.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}

/// <summary>Role names and authorization policy names.</summary>
public static class Roles
{
    public const string Member = "Member";
    public const string Admin = "Admin";

    /// <summary>Policy: signed in with the Member or Admin role.</summary>
    public const string MemberPolicy = "member";
    /// <summary>Policy: signed in with the Admin role.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Claim carrying <see cref="AppUser.DisplayName"/> in cookies and bearer tokens.</summary>
    public const string DisplayNameClaim = "display_name";
}
