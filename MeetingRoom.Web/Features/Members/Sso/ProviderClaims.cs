using System.Security.Claims;

namespace MeetingRoom.Web.Features.Members.Sso;

/// <summary>
/// What the identity provider said about the person (standard OpenID Connect claims, as the handler keeps them with
/// <c>MapInboundClaims = false</c>: the JWT names, from the ID token and the userinfo endpoint).
/// </summary>
/// <param name="Email">The <c>email</c> claim, trimmed; null when absent.</param>
/// <param name="EmailVerified">
/// <c>email_verified</c> is true; or, when the provider sends no <c>email_verified</c> at all, Microsoft Entra ID's
/// optional <c>xms_edov</c> ("email domain owner verified") is true: Entra ID never sends <c>email_verified</c> for
/// work accounts.
/// </param>
/// <param name="Name">The <c>name</c> claim, else given and family name, else null.</param>
/// <param name="Locale">The <c>locale</c> claim (BCP 47, e.g. "ko-KR"), or null.</param>
/// <param name="Groups">Every value of the groups claim (<c>Auth:Oidc:GroupsClaim</c>), distinct.</param>
public sealed record ProviderClaims(string? Email, bool EmailVerified, string? Name, string? Locale, IReadOnlyList<string> Groups)
{
    public const string EmailClaim = "email";
    public const string EmailVerifiedClaim = "email_verified";
    /// <summary>Microsoft Entra ID's optional claim: the email's domain is verified by the tenant.</summary>
    public const string EntraDomainVerifiedClaim = "xms_edov";
    public const string NameClaim = "name";
    public const string LocaleClaim = "locale";

    /// <summary>Reads the claims of <paramref name="principal"/>; <paramref name="groupsClaim"/> names the groups claim.</summary>
    public static ProviderClaims Read(ClaimsPrincipal principal, string groupsClaim)
    {
        string? First(params string[] types) =>
            types.Select(t => principal.FindFirst(t)?.Value?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

        var email = First(EmailClaim, ClaimTypes.Email);
        var stated = principal.FindAll(EmailVerifiedClaim).ToList();
        var verified = stated.Count > 0
            ? stated.Any(c => IsTrue(c.Value))
            : principal.FindAll(EntraDomainVerifiedClaim).Any(c => IsTrue(c.Value));
        var given = First("given_name", ClaimTypes.GivenName);
        var family = First("family_name", ClaimTypes.Surname);
        var name = First(NameClaim, ClaimTypes.Name)
                   ?? (given is not null || family is not null ? string.Join(" ", new[] { given, family }.Where(n => n is not null)) : null);
        var groups = principal.FindAll(string.IsNullOrWhiteSpace(groupsClaim) ? "groups" : groupsClaim)
            .Select(c => c.Value.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return new ProviderClaims(email, verified, name, First(LocaleClaim), groups);
    }

    /// <summary>A boolean claim is "true" in a JWT, "True" from the userinfo JSON (JsonElement.ToString).</summary>
    private static bool IsTrue(string? value) => bool.TryParse(value?.Trim(), out var b) && b;
}
