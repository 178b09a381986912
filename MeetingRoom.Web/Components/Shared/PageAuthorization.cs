using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>
/// Marks a page for signed-in members (Member or Admin role). It authenticates with the Identity
/// cookie, so an anonymous visitor is redirected to <c>/Account/Login?returnUrl=…</c> (the API's
/// default scheme would answer 401 instead).
/// </summary>
public sealed class MemberPageAttribute : AuthorizeAttribute
{
    public MemberPageAttribute()
    {
        Policy = Infrastructure.Identity.Roles.MemberPolicy;
        AuthenticationSchemes = IdentityConstants.ApplicationScheme;
    }
}

/// <summary>Marks a page for admins (<see cref="Roles.AdminPolicy"/>); others go to sign-in or "access denied".</summary>
public sealed class AdminPageAttribute : AuthorizeAttribute
{
    public AdminPageAttribute()
    {
        Policy = Infrastructure.Identity.Roles.AdminPolicy;
        AuthenticationSchemes = IdentityConstants.ApplicationScheme;
    }
}
