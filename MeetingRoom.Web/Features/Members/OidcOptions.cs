namespace MeetingRoom.Web.Features.Members;

/// <summary>Configuration section "Auth:Oidc": the company's OpenID Connect provider (Entra ID, Google Workspace, Keycloak, Okta).</summary>
public sealed class OidcOptions
{
    /// <summary>The issuer URL, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>; unset = single sign-on off.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    /// <summary>From the environment only (<c>Auth__Oidc__ClientSecret</c>), never committed configuration.</summary>
    public string? ClientSecret { get; set; }
    /// <summary>Scopes asked for besides <c>openid</c> (space separated). Default "profile email".</summary>
    public string Scopes { get; set; } = "profile email";
    /// <summary>The sign-in button's text, e.g. "Sign in with Contoso": shown without contacting the provider.</summary>
    public string DisplayName { get; set; } = "Single sign-on";
    /// <summary>Values of the groups claim that make a member Admin at each sign-in (removed from the group: not Admin at the next).</summary>
    public string[] AdminGroups { get; set; } = [];
    /// <summary>The claim that lists a user's groups (default <c>groups</c>; Keycloak and Entra ID use it, Okta names it in the app).</summary>
    public string GroupsClaim { get; set; } = "groups";
    /// <summary>Email domains allowed to sign in (e.g. <c>contoso.com</c>); empty = any domain the provider vouches for.</summary>
    public string[] AllowedDomains { get; set; } = [];
    /// <summary>Refuse a provider that is not served over HTTPS (default true; tests on 127.0.0.1 turn it off).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
