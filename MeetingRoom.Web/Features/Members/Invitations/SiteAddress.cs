using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// The address of the site as an admin's browser last reached it (scheme, host, path base), remembered by this instance
/// from admins' page requests. A link mailed from a Blazor circuit (the members page) or in answer to an anonymous
/// request (forgot password) must not take its host from that request: a circuit has no request, and an anonymous
/// caller chooses its Host header (host-header poisoning of reset links). Singleton.
/// </summary>
public sealed class SiteAddress
{
    private volatile string? _base;

    /// <summary>The remembered base, e.g. <c>https://rooms.example.com</c> (no trailing slash), or null before any admin page was served.</summary>
    public string? Base => _base;

    /// <summary>Remembers the base of <paramref name="request"/> (after forwarded headers from trusted proxies).</summary>
    public void Remember(HttpRequest request)
    {
        var value = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase).TrimEnd('/');
        if (_base != value) _base = value;
    }

    /// <summary>
    /// Middleware: a GET of a page (not the API, hubs, health or files) by a signed-in admin tells <see cref="SiteAddress"/>
    /// where the site is. Runs after authentication; costs a role check per request.
    /// </summary>
    public static void UseSiteAddress(WebApplication app) => app.Use((http, next) =>
    {
        if (HttpMethods.IsGet(http.Request.Method) && http.Request.Host.HasValue && http.User.IsInRole(Roles.Admin)
            && !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/_blazor")
            && !http.Request.Path.StartsWithSegments("/hubs") && !http.Request.Path.StartsWithSegments("/health")
            && !Path.HasExtension(http.Request.Path.Value))
            http.RequestServices.GetRequiredService<SiteAddress>().Remember(http.Request);
        return next(http);
    });
}
