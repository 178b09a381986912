using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Members;

/// <summary>
/// What a member's email, name and role must look like when an admin invites someone (issue 20) and when a member
/// renames themselves: one place, so the invitation API, the CSV import and the profile page refuse the same input.
/// </summary>
public static class MemberInput
{
    /// <summary>Longest email address accepted (RFC 5321 allows 254 in a path; Identity stores 256).</summary>
    public const int MaxEmailLength = 254;
    /// <summary>Longest display name (the rule of every name in the product, <see cref="TextRules.MaxNameLength"/>).</summary>
    public const int MaxNameLength = TextRules.MaxNameLength;

    /// <summary>
    /// Checks an invitation: <paramref name="email"/> required, one address (<c>local@domain.tld</c>, no spaces or control
    /// characters, at most <see cref="MaxEmailLength"/>); <paramref name="name"/> optional, at most
    /// <see cref="MaxNameLength"/> and no control characters; <paramref name="role"/> "Member" or "Admin" (any case; blank
    /// = Member). Fields: <c>email</c>, <c>name</c>, <c>role</c>.
    /// </summary>
    public static ValidationErrors ValidateInvitation(string? email, string? name, string? role, ValidationErrors? errors = null)
    {
        errors ??= new ValidationErrors();
        if (EmailProblem(email) is { } e) errors.Add("email", e);
        if (NameProblem(name, required: false) is { } n) errors.Add("name", n);
        if (ParseRole(role) is null) errors.Add("role", new DomainMessage("RoleUnknown", "The role must be Member or Admin."));
        return errors;
    }

    /// <summary>Why <paramref name="email"/> is not an address we can invite, or null.</summary>
    public static DomainMessage? EmailProblem(string? email)
    {
        var value = email?.Trim();
        if (string.IsNullOrEmpty(value)) return new DomainMessage("EmailRequired", "Give the email address.");
        if (value.Length > MaxEmailLength) return new DomainMessage("TextTooLong", $"At most {MaxEmailLength} characters.", MaxEmailLength);
        var at = value.IndexOf('@');
        var valid = at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1
                    && value[(at + 1)..] is var domain && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.')
                    && !domain.Contains("..")
                    && value.All(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && c is not ('<' or '>' or '(' or ')' or ',' or ';' or ':' or '"' or '[' or ']' or '\\'));
        return valid ? null : new DomainMessage("EmailInvalid", "Give one email address, like name@example.com.");
    }

    /// <summary>Why <paramref name="name"/> cannot be a display name, or null (blank is refused only when <paramref name="required"/>).</summary>
    public static DomainMessage? NameProblem(string? name, bool required)
    {
        if (string.IsNullOrWhiteSpace(name))
            return required ? new DomainMessage("NameRequired", "Give a name.") : null;
        return TextRules.Problem(name, MaxNameLength);
    }

    /// <summary>Whether the invited member is also an admin: "Member" → false, "Admin" → true (any case; blank = Member); null for anything else.</summary>
    public static bool? ParseRole(string? role) => role?.Trim() switch
    {
        null or "" => false,
        var r when string.Equals(r, "Member", StringComparison.OrdinalIgnoreCase) => false,
        var r when string.Equals(r, "Admin", StringComparison.OrdinalIgnoreCase) => true,
        _ => null,
    };

    /// <summary>The display name of an invited member: the trimmed name, or the part of the email before '@' when none is given.</summary>
    public static string DisplayNameFor(string email, string? name) =>
        string.IsNullOrWhiteSpace(name) ? email.Trim()[..Math.Max(1, email.Trim().IndexOf('@'))] : name.Trim();
}

/// <summary>
/// The rules of invitations and password resets (issue 20, item 4). An invitation link is valid for
/// <see cref="InvitationLifetime"/> and works once; only an invited member can be sent one again or accept one;
/// only an active member who has a password is mailed a reset link.
/// </summary>
public static class InvitationRules
{
    /// <summary>How long an invitation link works (the issue: 7 days).</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>May an invitation be sent again to a member with <paramref name="status"/>? Null: yes (only an invited member).</summary>
    public static MemberRefusal? CanResend(MemberStatus status) =>
        status == MemberStatus.Invited ? null : MemberRefusal.WrongStatus;

    /// <summary>May a member with <paramref name="status"/> accept an invitation? Null: yes (only while invited: an accepted link is spent).</summary>
    public static MemberRefusal? CanAccept(MemberStatus status) =>
        status == MemberStatus.Invited ? null : MemberRefusal.WrongStatus;

    /// <summary>
    /// Is a member with <paramref name="status"/> sent a password-reset link? Only an active member who has a password:
    /// an invited member accepts the invitation instead, a deactivated one may not sign in, and a member who signs in
    /// through single sign-on has no password to reset.
    /// </summary>
    public static bool GetsPasswordReset(MemberStatus status, bool hasPassword) =>
        status == MemberStatus.Active && hasPassword;
}
