namespace MeetingRoom.Web.Features.Members;

/// <summary>
/// Configuration section "Auth": how people sign in (P1). Bound once at start-up
/// (<c>IOptions&lt;AuthOptions&gt;</c>); environment variables use <c>Auth__Oidc__ClientSecret</c> and so on.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Anyone may create an account through <c>/api/auth/register</c> (default false: closed registration, N6).</summary>
    public bool AllowSelfRegistration { get; set; }

    /// <summary>
    /// Email + password sign-in (default true). false hides the password form, refuses <c>/api/auth/login</c> with
    /// 403 local-accounts-off, and invitations point to single sign-on: a company that requires SSO sets it.
    /// </summary>
    public bool LocalAccounts { get; set; } = true;

    /// <summary>Single sign-on with OpenID Connect; off while <see cref="OidcOptions.Authority"/> is unset.</summary>
    public OidcOptions Oidc { get; set; } = new();
}
