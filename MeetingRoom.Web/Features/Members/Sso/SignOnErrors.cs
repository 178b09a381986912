using MeetingRoom.Domain.Members;

namespace MeetingRoom.Web.Features.Members.Sso;

/// <summary>
/// The stable codes of a refused single sign-on. The callback sends the browser to
/// <c>/Account/Login?error={code}</c>, and the sign-in page words the code in the reader's language.
/// </summary>
public static class SignOnErrors
{
    /// <summary>The provider gave no email, or did not say it is verified (<c>email_verified</c>, or Entra ID's <c>xms_edov</c>).</summary>
    public const string UnverifiedEmail = "unverified-email";
    /// <summary>The email's domain is not in <c>Auth:Oidc:AllowedDomains</c>.</summary>
    public const string DomainNotAllowed = "domain-not-allowed";
    /// <summary>The member is deactivated.</summary>
    public const string AccountDeactivated = "account-deactivated";
    /// <summary>The account is locked for a while (too many wrong passwords).</summary>
    public const string AccountLocked = "account-locked";
    /// <summary>The email belongs to a member linked to another account of the provider.</summary>
    public const string LinkedToAnotherAccount = "linked-to-another-account";
    /// <summary>Anything else: the provider answered with an error, state or nonce did not match, the provider is unreachable.</summary>
    public const string Failed = "sso-failed";

    /// <summary>Every code, for the sign-in page's messages.</summary>
    public static readonly IReadOnlyList<string> All =
        [UnverifiedEmail, DomainNotAllowed, AccountDeactivated, AccountLocked, LinkedToAnotherAccount, Failed];

    /// <summary>The code of a domain refusal.</summary>
    public static string Of(SignOnRefusal refusal) => refusal switch
    {
        SignOnRefusal.UnverifiedEmail => UnverifiedEmail,
        SignOnRefusal.DomainNotAllowed => DomainNotAllowed,
        SignOnRefusal.Deactivated => AccountDeactivated,
        SignOnRefusal.LinkedToAnotherAccount => LinkedToAnotherAccount,
        _ => Failed,
    };

    /// <summary>The sign-in page showing <paramref name="code"/> (and coming back to <paramref name="returnUrl"/> when local).</summary>
    public static string LoginPage(string code, string? returnUrl = null) =>
        "/Account/Login?error=" + Uri.EscapeDataString(code)
        + (SingleSignOnSetup.IsSafeLocal(returnUrl) ? "&returnUrl=" + Uri.EscapeDataString(returnUrl!) : "");
}
