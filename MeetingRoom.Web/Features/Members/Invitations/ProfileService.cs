using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// A member's own account (issue 20, item 4): their name and their password. Language and email choices have their own
/// stores (<see cref="MemberLanguage"/> through the language switch, <c>EmailPreferencesService</c>). Changing the
/// password changes the security stamp, which ends the member's other sessions and tokens; the caller refreshes the
/// session it runs in. Scoped.
/// </summary>
public sealed class ProfileService(UserManager<AppUser> users, MemberLanguage languages, IOptions<AuthOptions> auth,
    IOptions<IdentityOptions> identity, ILogger<ProfileService> logger)
{
    /// <summary>The member's profile. Problem: unknown-member (the account is gone).</summary>
    public async Task<AppResult<ProfileDto>> GetAsync(Actor me, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(me.Id.Value);
        if (user is null) return UnknownMember();
        return new ProfileDto(user.DisplayName, user.Email ?? "", user.PasswordHash is not null, await languages.ChosenAsync(user.Id, ct),
            auth.Value.LocalAccounts);
    }

    /// <summary>Renames the member (display name: 1–100 characters, no control characters). Problems: invalid-input (<c>name</c>), unknown-member.</summary>
    public async Task<AppResult<string>> SetNameAsync(Actor me, string? name)
    {
        if (MemberInput.NameProblem(name, required: true) is { } problem)
            return AppProblem.Invalid(new Dictionary<string, DomainMessage[]> { ["name"] = [problem] });
        var user = await users.FindByIdAsync(me.Id.Value);
        if (user is null) return UnknownMember();
        user.DisplayName = name!.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
            return new AppProblem(ProblemCodes.Conflict, 409, ProblemText.Get("TitleConflict"), ProblemText.Get("ProfileChangedMeanwhile"));
        return user.DisplayName;
    }

    /// <summary>
    /// Changes the member's password: <paramref name="currentPassword"/> must be theirs, the new one follows Identity's
    /// rules and is typed twice. Signs out their other sessions (new security stamp): refresh this one after. Problems:
    /// invalid-input (<c>currentPassword</c>: wrong; <c>newPassword</c>: the rules; <c>confirmPassword</c>: differs),
    /// wrong-status (the member has no password: single sign-on), forbidden (local accounts off), unknown-member.
    /// </summary>
    public async Task<AppResult<AppUser>> ChangePasswordAsync(Actor me, string? currentPassword, string? newPassword, string? confirmPassword)
    {
        if (!auth.Value.LocalAccounts)
            return new AppProblem(ProblemCodes.Forbidden, 403, ProblemText.Get("TitlePasswordsOff"), ProblemText.Get("PasswordsOff"));
        var user = await users.FindByIdAsync(me.Id.Value);
        if (user is null) return UnknownMember();
        if (user.PasswordHash is null)
            return new AppProblem(ProblemCodes.WrongStatus, 409, ProblemText.Get("TitleWrongStatus"), ProblemText.Get("NoPasswordToChange"));
        if (string.IsNullOrEmpty(currentPassword))
            return AppProblem.Invalid("currentPassword", ProblemText.Get("PasswordRequired"));
        if (PasswordInput.Problem(newPassword, confirmPassword, "newPassword") is { } invalid) return invalid;
        if (currentPassword.Length > RequiredFieldsFilter.MaxLength)
            return AppProblem.Invalid("currentPassword", ProblemText.Get("CurrentPasswordWrong"));
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword!); // checks the current one first
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                return AppProblem.Invalid("currentPassword", ProblemText.Get("CurrentPasswordWrong"));
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
                return new AppProblem(ProblemCodes.Conflict, 409, ProblemText.Get("TitleConflict"), ProblemText.Get("ProfileChangedMeanwhile"));
            return PasswordInput.Invalid("newPassword", result.Errors, identity.Value.Password);
        }
        logger.LogInformation("Member {MemberId} changed their password.", user.Id);
        return user;
    }

    private static AppProblem UnknownMember() => AppProblem.NotFound(ProblemCodes.UnknownMember, ProblemText.Get("UnknownMember"));
}
