using Microsoft.AspNetCore.Identity;

namespace MeetingRoom.Web.Infrastructure.Identity;

/// <summary>A person who signs in. <see cref="DisplayName"/> is what boards and lists show.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
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
