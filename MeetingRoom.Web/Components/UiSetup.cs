using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MudBlazor;
using MudBlazor.Services;

namespace MeetingRoom.Web.Components;

/// <summary>Registers and maps the Blazor UI (pages, MudBlazor, sign-in pages).</summary>
public static class UiSetup
{
    /// <summary>
    /// Razor components with interactive server rendering, MudBlazor services (dialogs, snackbars, popovers),
    /// the cascading authentication state, the sign-in cookie's paths, and <see cref="ServiceRunner"/>.
    /// </summary>
    public static void AddUi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddHttpContextAccessor(); // a page's prerender sets its status (the door page: 404 for an inactive token)
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            o.SnackbarConfiguration.PreventDuplicates = false;
            o.SnackbarConfiguration.VisibleStateDuration = 5000;
            o.SnackbarConfiguration.ShowCloseIcon = true;
        });
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
    /// Static assets (<c>wwwroot</c>, <c>_content/MudBlazor</c>, <c>_framework/blazor.web.js</c>),
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

    /// <summary>
    /// A person who loads a page gets pages, never problem JSON: an unknown address shows the not-found page
    /// (status 404) and a failure the error page. API, hub and health answers keep their problem details.
    /// Goes before <c>UseRouting</c>, so a re-executed request is routed to the page.
    /// </summary>
    public static void UsePageErrors(this WebApplication app) =>
        app.UseWhen(IsPageRequest, pages =>
        {
            pages.UseExceptionHandler("/Error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });

    /// <summary>A browser's request for a page: not the API, the hubs, health, OpenAPI, static assets or Blazor's own endpoints.</summary>
    private static bool IsPageRequest(HttpContext http)
    {
        var path = http.Request.Path;
        return !(path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/health")
                 || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/scalar") || path.StartsWithSegments("/_framework")
                 || path.StartsWithSegments("/_content") || path.StartsWithSegments("/_blazor") || Path.HasExtension(path.Value));
    }
}
