using Microsoft.AspNetCore.Localization;

namespace MeetingRoom.Web.Localization;

/// <summary>Registers the localization stack (Microsoft.Extensions.Localization + request localization).</summary>
public static class SiteLocalization
{
    /// <summary>Where resources live: <c>Resources/{type path under MeetingRoom.Web}.resx</c> and <c>.ko.resx</c>.</summary>
    public const string ResourcesPath = "Resources";

    /// <summary>
    /// <see cref="Microsoft.Extensions.Localization.IStringLocalizer{T}"/> over <see cref="ResourcesPath"/>,
    /// <see cref="SiteFormat"/>, and the request's language: <c>?lang=</c>, then the language cookie, then
    /// <c>Accept-Language</c>, then the default.
    /// </summary>
    public static IServiceCollection AddSiteLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = ResourcesPath);
        services.AddSingleton<SiteFormat>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SupportedCultures = SiteCultures.Cultures;
            o.SupportedUICultures = SiteCultures.Cultures;
            o.DefaultRequestCulture = new RequestCulture(SiteCultures.Neutral);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = SiteCultures.QueryKey, UIQueryStringKey = SiteCultures.QueryKey },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
