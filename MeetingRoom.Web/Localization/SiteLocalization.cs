using System.Security.Claims;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingRoom.Web.Localization;

/// <summary>Registers the localization stack (Microsoft.Extensions.Localization + request localization).</summary>
public static class SiteLocalization
{
    /// <summary>Where resources live: <c>Resources/{type path under MeetingRoom.Web}.resx</c> and <c>.ko.resx</c>.</summary>
    public const string ResourcesPath = "Resources";

    /// <summary>
    /// <see cref="Microsoft.Extensions.Localization.IStringLocalizer{T}"/> over <see cref="ResourcesPath"/>,
    /// <see cref="SiteFormat"/>, and the request's language, first found of: <c>?lang=</c>; the member's choice (the
    /// culture cookie the language switch writes, <see cref="LanguageSwitchEndpoint"/>); the browser's
    /// <c>Accept-Language</c>; the site's default language (<see cref="SiteLanguage"/>). The wall and door displays skip
    /// the cookie and <c>Accept-Language</c> (<see cref="PersonalRequestCultureProvider"/>), and an interactive page's
    /// circuit keeps its page's language (<see cref="CircuitCulture"/>). On sign-in, a member's stored language goes
    /// into the cookie. Also <see cref="IMemberLanguage"/> for what is sent to a member, MudBlazor's own texts come from
    /// <see cref="MudTexts"/> (<c>AddMudTexts</c>, after <c>AddMudServices</c>).
    /// </summary>
    public static IServiceCollection AddSiteLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = ResourcesPath);
        services.AddSingleton<SiteFormat>();
        services.AddSingleton<SiteLanguage>();
        services.AddSingleton<MemberLanguage>();
        services.AddSingleton<IMemberLanguage>(sp => sp.GetRequiredService<MemberLanguage>());
        services.AddScoped<CircuitHandler, CircuitCulture>();
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
                new PersonalRequestCultureProvider(new CookieRequestCultureProvider()),
                new PersonalRequestCultureProvider(new AcceptLanguageHeaderRequestCultureProvider()),
                new SiteDefaultRequestCultureProvider(),
            ];
        });
        services.ConfigureApplicationCookie(o =>
        {
            var signedIn = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async context =>
            {
                await signedIn(context);
                await RestoreMemberLanguageAsync(context.HttpContext, context.Principal);
            };
        });
        return services;
    }

    /// <summary>A member who signs in gets the language they chose before (on another device too) in their cookie.</summary>
    private static async Task RestoreMemberLanguageAsync(HttpContext http, ClaimsPrincipal? member)
    {
        if (member?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } memberId) return;
        var chosen = await http.RequestServices.GetRequiredService<MemberLanguage>().ChosenAsync(memberId, http.RequestAborted);
        if (chosen is not null) LanguageSwitchEndpoint.AppendCookie(http, chosen);
    }
}
