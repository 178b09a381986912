using Microsoft.AspNetCore.Localization;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// The last say in a request's language: the site's default language (<see cref="SiteLanguage"/>, cached — no
/// database read per request); the neutral language while the database cannot be read.
/// </summary>
public sealed class SiteDefaultRequestCultureProvider : RequestCultureProvider
{
    /// <inheritdoc />
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        try
        {
            var language = await httpContext.RequestServices.GetRequiredService<SiteLanguage>().DefaultAsync(httpContext.RequestAborted);
            return new ProviderCultureResult(language);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database is unreachable: the request still gets an answer (the health check, the 503 problem), in the
            // neutral language; the next request tries again.
            httpContext.RequestServices.GetRequiredService<ILogger<SiteDefaultRequestCultureProvider>>()
                .LogWarning(e, "The site's default language could not be read; using {Language}.", SiteCultures.Neutral);
            return new ProviderCultureResult(SiteCultures.Neutral);
        }
    }
}

/// <summary>
/// A person's own preference (their culture cookie, their browser's <c>Accept-Language</c>), which the wall display
/// (<c>/board</c>) and the door displays (<c>/door/…</c>) do not follow: they speak the site's default language or
/// their <c>?lang=</c>, whoever's browser shows them.
/// </summary>
public sealed class PersonalRequestCultureProvider(RequestCultureProvider inner) : RequestCultureProvider
{
    /// <summary>The paths of the shared displays.</summary>
    public static readonly IReadOnlyList<PathString> DisplayPaths = ["/board", "/door"];

    /// <summary>Whether a path is a wall or door display's.</summary>
    public static bool IsDisplay(PathString path) => DisplayPaths.Any(d => path.StartsWithSegments(d, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        IsDisplay(httpContext.Request.Path) ? NullProviderCultureResult : inner.DetermineProviderCultureResult(httpContext);
}
