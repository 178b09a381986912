using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Radzen;

namespace MeetingRoom.Web.Components;

/// <summary>Registers and maps the Blazor UI (pages, Radzen, sign-in pages).</summary>
public static class UiSetup
{
    /// <summary>
    /// Razor components with interactive server rendering, Radzen services (dialogs, notifications),
    /// the cascading authentication state, the sign-in cookie's paths, and <see cref="ServiceRunner"/>.
    /// </summary>
    public static void AddUi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<ServiceRunner>();
        services.AddPagePolicies();
        // The Identity cookie (IdentityConstants.ApplicationScheme, registered by AddIdentityApiEndpoints)
        // signs members in to the pages; member pages challenge with it (see MemberPageAttribute).
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ReturnUrlParameter = "returnUrl";
            o.Cookie.Name = "MeetingRoom.Auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
    }

    /// <summary>
    /// Static assets (<c>wwwroot</c>, <c>_content/Radzen.Blazor</c>, <c>_framework/blazor.web.js</c>),
    /// antiforgery, <c>POST /Account/Logout</c>, and the pages (<see cref="App"/>) in interactive server mode.
    /// </summary>
    public static void UseUi(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseAntiforgery();
        // The build/publish writes "{ApplicationName}.staticwebassets.endpoints.json"; a host built
        // under another application name (e.g. the create-admin verb from a test runner) has none and
        // serves no pages' assets, which it does not need.
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        if (File.Exists(manifest)) app.MapStaticAssets(manifest);

        app.MapPost("/Account/Logout", async ([FromForm] string? returnUrl, SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/Account/Login" + (LocalUrl.IsLocal(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : ""));
        }).ExcludeFromDescription();

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .Add(endpoint => // the sign-in form posts count against the per-client sign-in limit, like /api/auth/login
            {
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: var route } && string.Equals(route, "/Account/Login", StringComparison.OrdinalIgnoreCase))
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(SignInRateLimit.PolicyName));
            });
    }
}
