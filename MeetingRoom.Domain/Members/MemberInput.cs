using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Members;

/// <summary>
/// What a member's email, name and role must look like (issue 20), in one place for the invitation form and API, the
/// CSV import and the profile page: an email of the plain form <c>local@domain.tld</c> (no spaces or control characters,
/// at most <see cref="MaxEmailLength"/>), a name of 1..<see cref="MaxNameLength"/> characters without control characters,
/// and a role <c>Member</c> (also when none is given) or <c>Admin</c> (any case). Values are trimmed first.
/// </summary>
public static class MemberInput
{
    /// <summary>Longest email address accepted (RFC 5321 allows 254 in a path; Identity stores 256).</summary>
    public const int MaxEmailLength = 254;
    /// <summary>Longest display name (the rule of every name in the product, <see cref="TextRules.MaxNameLength"/>).</summary>
    public const int MaxNameLength = TextRules.MaxNameLength;

    /// <summary>Every problem of the three fields (empty: they follow the rules), each with its field.</summary>
    public static IReadOnlyList<MemberInputProblem> Check(string? email, string? name, string? role)
    {
        var problems = new List<MemberInputProblem>();
        var e = email?.Trim() ?? "";
        if (HasControl(e)) problems.Add(new("email", MemberInputError.ControlCharacters));
        else if (e.Length == 0) problems.Add(new("email", MemberInputError.EmailMissing));
        else if (!IsEmail(e)) problems.Add(new("email", MemberInputError.EmailInvalid));

        var n = name?.Trim() ?? "";
        if (HasControl(n)) problems.Add(new("name", MemberInputError.ControlCharacters));
        else if (n.Length == 0) problems.Add(new("name", MemberInputError.NameMissing));
        else if (n.Length > MaxNameLength) problems.Add(new("name", MemberInputError.NameTooLong));

        if (role is not null && HasControl(role)) problems.Add(new("role", MemberInputError.ControlCharacters));
        else if (ParseRole(role) is null) problems.Add(new("role", MemberInputError.RoleUnknown));
        return problems;
    }

    /// <summary>
    /// The same rules as <see cref="Check"/>, worded as domain messages per field (for <see cref="DomainValidationException"/>
    /// and the API's invalid-input problem).
    /// </summary>
    public static ValidationErrors ValidateInvitation(string? email, string? name, string? role, ValidationErrors? errors = null)
    {
        errors ??= new ValidationErrors();
        if (EmailProblem(email) is { } e) errors.Add("email", e);
        if (NameProblem(name, required: true) is { } n) errors.Add("name", n);
        if (ParseRole(role) is null) errors.Add("role", new DomainMessage("RoleUnknown", "The role must be Member or Admin."));
        return errors;
    }

    /// <summary>Why <paramref name="email"/> is not an address we can invite, or null.</summary>
    public static DomainMessage? EmailProblem(string? email)
    {
        var value = email?.Trim();
        if (string.IsNullOrEmpty(value)) return new DomainMessage("EmailRequired", "Give the email address.");
        if (value.Length > MaxEmailLength) return new DomainMessage("TextTooLong", $"At most {MaxEmailLength} characters.", MaxEmailLength);
        return IsEmail(value) ? null : new DomainMessage("EmailInvalid", "Give one email address, like name@example.com.");
    }

    /// <summary>A plain address: <c>local@domain.tld</c>, one '@', no spaces, control or special characters, at most <see cref="MaxEmailLength"/>.</summary>
    public static bool IsEmail(string email)
    {
        var value = email.Trim();
        var at = value.IndexOf('@');
        return value.Length <= MaxEmailLength
               && at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1
               && value[(at + 1)..] is var domain && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.')
               && !domain.Contains("..")
               && value.All(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && c is not ('<' or '>' or '(' or ')' or ',' or ';' or ':' or '"' or '[' or ']' or '\\'));
    }

    /// <summary>Why <paramref name="name"/> cannot be a display name, or null (blank is refused only when <paramref name="required"/>).</summary>
    public static DomainMessage? NameProblem(string? name, bool required)
    {
        if (string.IsNullOrWhiteSpace(name))
            return required ? new DomainMessage("NameRequired", "Give a name.") : null;
        return TextRules.Problem(name, MaxNameLength);
    }

    /// <summary><c>Member</c> or <c>Admin</c> in any case (blank: <c>Member</c>); null for anything else.</summary>
    public static MemberRole? ParseRole(string? role)
    {
        var r = role?.Trim() ?? "";
        if (r.Length == 0 || r.Equals(nameof(MemberRole.Member), StringComparison.OrdinalIgnoreCase)) return MemberRole.Member;
        if (r.Equals(nameof(MemberRole.Admin), StringComparison.OrdinalIgnoreCase)) return MemberRole.Admin;
        return null;
    }

    /// <summary>The display name of an invited member: the trimmed name, or the part of the email before '@' when none is given.</summary>
    public static string DisplayNameFor(string email, string? name) =>
        string.IsNullOrWhiteSpace(name) ? email.Trim()[..Math.Max(1, email.Trim().IndexOf('@'))] : name.Trim();

    private static bool HasControl(string text) => text.Any(char.IsControl);
}
