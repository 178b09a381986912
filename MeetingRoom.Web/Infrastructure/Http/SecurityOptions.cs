using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace MeetingRoom.Web.Infrastructure.Http;

/// <summary>
/// Configuration section "Security": the TLS-terminating proxies the app trusts, and whether it
/// requires HTTPS (default: in Production).
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Whether the site is served over HTTPS (behind a TLS proxy): Secure cookies, HSTS and a redirect of
    /// plain HTTP requests (health checks excepted). Unset: true in Production.
    /// </summary>
    public bool? RequireHttps { get; set; }
    /// <summary>The HTTPS port plain requests are redirected to (the proxy's).</summary>
    public int HttpsPort { get; set; } = 443;
    /// <summary>Addresses of proxies whose X-Forwarded-For/-Proto/-Host are honoured (loopback always is).</summary>
    public string[] KnownProxies { get; set; } = [];
    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) of such proxies.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// The Content-Security-Policy of the pages: Blazor Server's blazor.web.js needs no eval and no inline
    /// script; component libraries (Radzen, MudBlazor) set inline styles; the circuit and the hub connect
    /// back to the same origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// <see cref="ContentSecurityPolicy"/> with more origins in <c>form-action</c>: browsers apply it to the redirects
    /// that follow a form post too, and the single sign-on button's post is redirected to the identity provider.
    /// </summary>
    public static string ContentSecurityPolicyWith(IEnumerable<FormActionOrigin> origins)
    {
        var extra = string.Concat(origins.Select(o => " " + o.Origin).Distinct());
        return extra.Length == 0 ? ContentSecurityPolicy : ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self'" + extra);
    }
}
