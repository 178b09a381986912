using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MeetingRoom.Web.Features.Members.Sso;

/// <summary>
/// Single sign-on with the company's OpenID Connect provider (issue 20), combined with Identity's external logins.
/// On only while <c>Auth:Oidc:Authority</c> is set: then the scheme <see cref="Scheme"/> (authorization code flow with
/// PKCE, callback <see cref="CallbackPath"/>), <c>POST /Account/ExternalLogin</c> (the sign-in page's button) and
/// <c>GET /Account/ExternalLoginCallback</c> (→ <see cref="SingleSignOnService"/>) exist. Every failure ends on the
/// sign-in page with a code (<see cref="SignOnErrors"/>), never on an error page.
/// </summary>
public static class SingleSignOnSetup
{
    /// <summary>The authentication scheme, and the login provider name stored with each linked member.</summary>
    public const string Scheme = "oidc";
    /// <summary>Where the provider sends the browser back (register <c>https://{host}/signin-oidc</c> at the provider).</summary>
    public const string CallbackPath = "/signin-oidc";
    public const string StartPath = "/Account/ExternalLogin";
    public const string ReturnPath = "/Account/ExternalLoginCallback";

    public static void AddSingleSignOn(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SingleSignOnService>();
        var oidc = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Oidc ?? new OidcOptions();
        if (!oidc.Enabled) return;

        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, oidc.DisplayName, o => Configure(o, oidc));
        // The button's form post is redirected to the provider: the pages' CSP (form-action) must allow its origin.
        if (Uri.TryCreate(oidc.Authority!.Trim(), UriKind.Absolute, out var authority))
            builder.Services.AddSingleton(new FormActionOrigin(authority.GetLeftPart(UriPartial.Authority)));
        // A wrong setting (no ClientId, an http:// authority while HTTPS is required) stops the start-up with the
        // handler's message instead of failing the first sign-in.
        builder.Services.AddOptions<OpenIdConnectOptions>(Scheme).ValidateOnStart();
    }

    /// <summary>The handler's settings: see the class and docs (README "Single sign-on").</summary>
    public static void Configure(OpenIdConnectOptions o, OidcOptions oidc)
    {
        o.Authority = oidc.Authority!.Trim();
        o.ClientId = oidc.ClientId;
        if (!string.IsNullOrEmpty(oidc.ClientSecret)) o.ClientSecret = oidc.ClientSecret;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.SignInScheme = IdentityConstants.ExternalScheme; // Identity's external cookie, read by GetExternalLoginInfoAsync
        o.CallbackPath = CallbackPath;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back in the query of a top-level GET, so the correlation and nonce cookies can be
        // SameSite=Lax (form_post would need SameSite=None, hence Secure even on a plain-HTTP test host).
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Scope.Clear();
        o.Scope.Add("openid");
        foreach (var scope in oidc.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!o.Scope.Contains(scope)) o.Scope.Add(scope);
        o.MapInboundClaims = false; // keep the JWT claim names: sub, email, email_verified, name, locale, groups
        o.TokenValidationParameters.NameClaimType = ProviderClaims.NameClaim;
        // The ID token may carry only "sub" (Keycloak's and oidc-provider's defaults): the userinfo endpoint gives the rest.
        // Its JSON becomes claims only through claim actions: the standard ones map sub, name and email already.
        o.GetClaimsFromUserInfoEndpoint = true;
        o.ClaimActions.MapUniqueJsonKey(ProviderClaims.EmailVerifiedClaim, ProviderClaims.EmailVerifiedClaim);
        o.ClaimActions.MapUniqueJsonKey(ProviderClaims.LocaleClaim, ProviderClaims.LocaleClaim);
        o.ClaimActions.MapJsonKey(oidc.GroupsClaim, oidc.GroupsClaim); // an array: one claim per group
        o.SaveTokens = false;
        // The exchange runs on the wall clock of the browser (it expires the correlation and nonce cookies) and of the
        // provider (it stamps its tokens), whatever clock the app's rules run on.
        o.TimeProvider = TimeProvider.System;
        o.Events.OnRemoteFailure = OnRemoteFailureAsync;
    }

    /// <summary>
    /// The provider answered with an error (the person cancelled, the client is not allowed), or the answer does not
    /// match the request (state, nonce, correlation cookie), or the code could not be redeemed: the sign-in page says so.
    /// </summary>
    private static Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOnSetup))
            .LogWarning("Single sign-on failed at the callback: {Reason}", context.Failure?.Message);
        context.Response.Redirect(SignOnErrors.LoginPage(SignOnErrors.Failed));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public static void MapSingleSignOn(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!auth.LocalAccounts && !auth.Oidc.Enabled)
            app.Logger.LogWarning("Auth:LocalAccounts is false and single sign-on is off (Auth:Oidc:Authority unset): nobody can sign in.");
        if (!auth.Oidc.Enabled) return;
        WarnOfSecretInFiles(app);

        // The antiforgery check is done here rather than by the framework: its refusal (400) of a page's form post is
        // re-executed as the not-found page, which reads the refused form again and fails (500). A stale sign-in page
        // (expired token) simply ends back on the sign-in page.
        app.MapPost(StartPath, async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn, ILogger<SingleSignOnService> logger) =>
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            {
                logger.LogInformation("Single sign-on start refused: missing or invalid antiforgery token.");
                return Results.Redirect(SignOnErrors.LoginPage(SignOnErrors.Failed));
            }
            var returnUrl = http.Request.Form["returnUrl"].ToString();
            var back = ReturnPath + (IsSafeLocal(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl) : "");
            var properties = signIn.ConfigureExternalAuthenticationProperties(Scheme, back);
            try
            {
                await http.ChallengeAsync(Scheme, properties); // redirects to the provider (its discovery document is read first)
                return Results.Empty;
            }
            catch (Exception e) when (e is not OperationCanceledException && !http.Response.HasStarted)
            {
                logger.LogWarning(e, "Single sign-on could not start: the provider at {Authority} did not answer as expected.", auth.Oidc.Authority);
                return Results.Redirect(SignOnErrors.LoginPage(SignOnErrors.Failed, returnUrl));
            }
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        app.MapGet(ReturnPath, async (string? returnUrl, HttpContext http, SignInManager<AppUser> signIn, SingleSignOnService sso, CancellationToken ct) =>
        {
            var info = await signIn.GetExternalLoginInfoAsync();
            if (info is null) return Results.Redirect(SignOnErrors.LoginPage(SignOnErrors.Failed, returnUrl));
            var result = await sso.SignInAsync(info, ct);
            if (!result.Succeeded)
            {
                await http.SignOutAsync(IdentityConstants.ExternalScheme);
                return Results.Redirect(SignOnErrors.LoginPage(result.Error!, returnUrl));
            }
            return Results.Redirect(IsSafeLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>A path on this site ("/my-bookings"), not "//host", "/\host", nor anything holding control characters.</summary>
    public static bool IsSafeLocal(string? url) => LocalUrl.IsLocal(url) && !url!.Any(char.IsControl);

    /// <summary>The client secret belongs in the environment (<c>Auth__Oidc__ClientSecret</c>), never in a committed file.</summary>
    private static void WarnOfSecretInFiles(WebApplication app)
    {
        if (app.Configuration is not IConfigurationRoot root) return;
        foreach (var provider in root.Providers.OfType<FileConfigurationProvider>())
            if (provider.TryGet("Auth:Oidc:ClientSecret", out var secret) && !string.IsNullOrEmpty(secret))
                app.Logger.LogWarning("Auth:Oidc:ClientSecret is set in {File}: set it in the environment (Auth__Oidc__ClientSecret) instead.",
                    provider.Source.Path);
    }
}
