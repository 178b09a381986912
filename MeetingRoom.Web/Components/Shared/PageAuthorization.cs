using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using IdentityRoles = MeetingRoom.Web.Infrastructure.Identity.Roles;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>
/// Authorization policies of the pages. They are the API's role rules (<see cref="IdentityRoles.MemberPolicy"/>,
/// <see cref="IdentityRoles.AdminPolicy"/>) authenticated with the Identity cookie, so an anonymous visitor of
/// a page is redirected to <c>/Account/Login?returnUrl=…</c> and a member on an admin page to
/// <c>/Account/AccessDenied</c> (the API's default scheme would answer 401/403 instead).
/// </summary>
public static class PagePolicies
{
    public const string Member = "member-page";
    public const string Admin = "admin-page";

    public static void AddPagePolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(Member, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(IdentityRoles.Member, IdentityRoles.Admin))
            .AddPolicy(Admin, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(IdentityRoles.Admin));
}

/// <summary>Marks a page for signed-in members (Member or Admin role); see <see cref="PagePolicies"/>.</summary>
public sealed class MemberPageAttribute : AuthorizeAttribute
{
    public MemberPageAttribute() => Policy = PagePolicies.Member;
}

/// <summary>Marks a page for admins; see <see cref="PagePolicies"/>.</summary>
public sealed class AdminPageAttribute : AuthorizeAttribute
{
    public AdminPageAttribute() => Policy = PagePolicies.Admin;
}
