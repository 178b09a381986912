using System.Net.Mail;

namespace MeetingRoom.Domain.Members;

/// <summary>The role a member is given: a plain member, or an admin (who is a member too).</summary>
public enum MemberRole
{
    Member,
    Admin,
}

/// <summary>What is wrong with one field of a person to invite (P1); the API names each with a stable code.</summary>
public enum MemberInputError
{
    /// <summary>No email address.</summary>
    EmailMissing,
    /// <summary>Not a plain email address (<c>name@example.com</c>), or longer than <see cref="MemberInput.MaxEmailLength"/>.</summary>
    EmailInvalid,
    /// <summary>No name.</summary>
    NameMissing,
    /// <summary>A name longer than <see cref="MemberInput.MaxNameLength"/> characters.</summary>
    NameTooLong,
    /// <summary>A role that is neither <c>Member</c> nor <c>Admin</c>.</summary>
    RoleUnknown,
    /// <summary>A control character (NUL, a line break, ESC …) in a field.</summary>
    ControlCharacters,
}

/// <summary>One field's problem: the field (<c>email</c>, <c>name</c>, <c>role</c>) and what is wrong with it.</summary>
public sealed record MemberInputProblem(string Field, MemberInputError Error);

/// <summary>
/// The rules a person to invite must follow (P1), in one place for the invitation form, the API and the CSV import:
/// an email address of the plain form <c>local@domain</c> (at most 256 characters, the Identity column), a name of
/// 1..100 characters, a role <c>Member</c> (also when none is given) or <c>Admin</c> (either spelling case), and no
/// control characters anywhere. Values are trimmed first.
/// </summary>
public static class MemberInput
{
    public const int MaxEmailLength = 256;
    public const int MaxNameLength = 100;

    /// <summary>Every problem of the three fields (empty: they follow the rules).</summary>
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

    /// <summary><c>Member</c> or <c>Admin</c> in any case (blank: <c>Member</c>); null for anything else.</summary>
    public static MemberRole? ParseRole(string? role)
    {
        var r = role?.Trim() ?? "";
        if (r.Length == 0 || r.Equals(nameof(MemberRole.Member), StringComparison.OrdinalIgnoreCase)) return MemberRole.Member;
        if (r.Equals(nameof(MemberRole.Admin), StringComparison.OrdinalIgnoreCase)) return MemberRole.Admin;
        return null;
    }

    /// <summary>A plain address: <c>local@domain</c>, no display name, no spaces, at most <see cref="MaxEmailLength"/> characters.</summary>
    public static bool IsEmail(string email) =>
        email.Length <= MaxEmailLength
        && !email.Any(char.IsWhiteSpace)
        && email.IndexOf('@') is > 0 and var at && at < email.Length - 1 && email.IndexOf('@', at + 1) < 0
        && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.DisplayName.Length == 0;

    private static bool HasControl(string text) => text.Any(char.IsControl);
}
