using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// A new password typed twice (accepting an invitation, resetting, changing it on the profile): the checks before
/// Identity's own password rules, and Identity's refusals worded in the reader's language (ProblemText
/// <c>Identity{Code}</c>; Identity's English description when a code has no resource).
/// </summary>
public static class PasswordInput
{
    /// <summary>
    /// Problem when the password is missing, too long (<see cref="RequiredFieldsFilter.MaxLength"/>), holds a NUL, or the
    /// confirmation differs: invalid-input on <c>password</c> / <c>confirmPassword</c>; null when Identity's rules come next.
    /// </summary>
    public static AppProblem? Problem(string? password, string? confirmPassword, string field = "password", string confirmField = "confirmPassword")
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(password)) errors[field] = [ProblemText.Get("PasswordRequired")];
        else if (password.Length > RequiredFieldsFilter.MaxLength) errors[field] = [ProblemText.Get("TooLong")];
        else if (password.Contains('\0')) errors[field] = [ProblemText.Get("NoNulCharacters")];
        else if (!string.Equals(password, confirmPassword, StringComparison.Ordinal)) errors[confirmField] = [ProblemText.Get("PasswordsDiffer")];
        return errors.Count == 0 ? null : AppProblem.Invalid(errors);
    }

    /// <summary>Identity's refusals of a password as invalid-input on <paramref name="field"/>, in the current UI culture.</summary>
    public static AppProblem Invalid(string field, IEnumerable<IdentityError> errors, PasswordOptions rules) =>
        AppProblem.Invalid(new Dictionary<string, string[]> { [field] = errors.Select(e => Describe(e, rules)).ToArray() });

    /// <summary>One of Identity's refusals in the current UI culture.</summary>
    public static string Describe(IdentityError error, PasswordOptions rules)
    {
        var key = "Identity" + error.Code;
        if (!ProblemText.Has(key)) return error.Description;
        return error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => ProblemText.Get(key, rules.RequiredLength),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => ProblemText.Get(key, rules.RequiredUniqueChars),
            _ => ProblemText.Get(key),
        };
    }
}
