using System.Security.Claims;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// The language switch's target, <c>GET /culture?lang=ko&amp;returnUrl=/my-bookings</c>: remembers the choice in the
/// culture cookie (<see cref="CookieRequestCultureProvider.DefaultCookieName"/>, a year) and, for a signed-in member,
/// in their preferences (so email and notifications follow it), then sends the browser back to the page with a full
/// load (a Blazor circuit keeps the language of the request that started it).
/// </summary>
public static class LanguageSwitchEndpoint
{
    /// <summary>The switch's path.</summary>
    public const string Path = "/culture";

    /// <summary>How long the choice is remembered in the browser.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    /// <summary>The address that switches to <paramref name="language"/> and comes back to <paramref name="returnUrl"/>.</summary>
    public static string Href(string language, string returnUrl) =>
        $"{Path}?{SiteCultures.QueryKey}={Uri.EscapeDataString(language)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Maps <c>GET /culture</c> (anyone: the sign-in pages have the switch too).</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (string? lang, string? returnUrl, HttpContext http, MemberLanguage members,
                IStringLocalizer<SiteLanguage> text, CancellationToken ct) =>
            {
                var language = SiteCultures.Match(lang);
                if (language is null)
                    return AppProblem.Invalid(SiteCultures.QueryKey, text["UnknownLanguage", string.Join(", ", SiteCultures.Supported)]).ToHttp();
                if (returnUrl is not null && !LocalUrl.IsLocal(returnUrl))
                    return AppProblem.Invalid("returnUrl", text["ReturnUrlNotLocal"]).ToHttp();

                AppendCookie(http, language);
                if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } member)
                    await members.SetAsync(member, language, ct);
                return TypedResults.LocalRedirect(returnUrl ?? "/");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Writes the culture cookie for <paramref name="language"/> (a year, essential, not readable by script).</summary>
    public static void AppendCookie(HttpContext http, string language) =>
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.Add(CookieLifetime),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                Path = "/",
            });
}
