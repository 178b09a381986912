using System.Security.Claims;
using MeetingRoom.Domain.Common;

namespace MeetingRoom.Web.Infrastructure.Identity;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in member as a domain <see cref="Actor"/>.</summary>
    /// <exception cref="InvalidOperationException">when the principal is not signed in (endpoints require authorization first).</exception>
    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(new MemberId(user.FindFirstValue(ClaimTypes.NameIdentifier)
                         ?? throw new InvalidOperationException("Not signed in.")),
            user.IsInRole(Roles.Admin));

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(Roles.DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
