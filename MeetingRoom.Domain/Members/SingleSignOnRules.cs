namespace MeetingRoom.Domain.Members;

/// <summary>
/// Who may come in through the company's identity provider and what they become (issue 20): a verified email of an
/// allowed domain is admitted; a deactivated member is not; an invited member becomes active by signing in; the
/// provider's groups decide the Admin role when admin groups are configured.
/// </summary>
public static class SingleSignOnRules
{
    /// <summary>The longest email accepted (Identity's column).</summary>
    public const int MaxEmailLength = 256;

    /// <summary>
    /// May the person the provider vouches for come in? <paramref name="emailVerified"/> is what the provider says
    /// about <paramref name="email"/>; <paramref name="allowedDomains"/> (e.g. "contoso.com", compared without case,
    /// exactly: a subdomain is another domain) empty means any domain. Null: yes.
    /// </summary>
    public static SignOnRefusal? CanAdmit(string? email, bool emailVerified, IReadOnlyCollection<string> allowedDomains)
    {
        if (!emailVerified || DomainOf(email) is not { } domain || email!.Length > MaxEmailLength) return SignOnRefusal.UnverifiedEmail;
        if (allowedDomains.Count > 0 && !allowedDomains.Any(d => string.Equals(d.Trim().TrimStart('@'), domain, StringComparison.OrdinalIgnoreCase)))
            return SignOnRefusal.DomainNotAllowed;
        return null;
    }

    /// <summary>
    /// May an existing member in <paramref name="status"/> sign on? <paramref name="linkedToOtherAccount"/>: the member
    /// (found by email) already has another account of this provider. Null: yes.
    /// </summary>
    public static SignOnRefusal? CanSignOn(MemberStatus status, bool linkedToOtherAccount)
    {
        if (status == MemberStatus.Deactivated) return SignOnRefusal.Deactivated;
        if (linkedToOtherAccount) return SignOnRefusal.LinkedToAnotherAccount;
        return null;
    }

    /// <summary>The status after a successful sign-on: an invited member accepts the invitation by signing in.</summary>
    public static MemberStatus StatusAfterSignOn(MemberStatus status) =>
        status == MemberStatus.Invited ? MemberStatus.Active : status;

    /// <summary>
    /// Should the member be Admin, from the provider's <paramref name="groups"/> and the configured
    /// <paramref name="adminGroups"/> (compared without case)? Null when no admin group is configured: the provider
    /// then does not decide roles, and admins are managed in MeetingRoom.
    /// </summary>
    public static bool? IsAdmin(IEnumerable<string> groups, IReadOnlyCollection<string> adminGroups)
    {
        if (adminGroups.Count == 0) return null;
        var wanted = new HashSet<string>(adminGroups.Select(g => g.Trim()), StringComparer.OrdinalIgnoreCase);
        return groups.Any(g => wanted.Contains(g.Trim()));
    }

    /// <summary>The domain of an email address ("contoso.com" of "ada@contoso.com"), or null when it is not one.</summary>
    public static string? DomainOf(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1) return null;
        var domain = email[(at + 1)..];
        return domain.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '@') ? null : domain;
    }
}
