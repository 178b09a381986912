using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Localization;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>
/// The problems of member administration (P1), in one place for every part that changes members (role changes,
/// deactivation, invitations, the CSV import): a domain <see cref="MemberRefusal"/> becomes its problem
/// (<c>cannot-deactivate-self</c> 409, <c>last-admin</c> 409, <c>wrong-status</c> 409), an unknown id
/// <c>unknown-member</c> 404, and a person's invalid fields (<see cref="MemberInput"/>) <c>invalid-input</c> 400 with
/// each field named. Titles and details are worded in the current UI culture (ProblemText and
/// <c>Resources/Features/Members/Administration/MemberProblems(.ko).resx</c>).
/// </summary>
public static class MemberProblems
{
    private static readonly IStringLocalizer Text = StaticLocalizers.For(typeof(MemberProblems));

    /// <summary>The stable problem code of a refusal.</summary>
    public static string CodeOf(MemberRefusal refusal) => refusal switch
    {
        MemberRefusal.CannotDeactivateSelf => ProblemCodes.CannotDeactivateSelf,
        MemberRefusal.LastAdmin => ProblemCodes.LastAdmin,
        MemberRefusal.WrongStatus => ProblemCodes.WrongStatus,
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };

    /// <summary>The problem of a refusal (409), titled <c>Title{Refusal}</c> and detailed <c>Refusal{Refusal}</c> (ProblemText).</summary>
    public static AppProblem From(MemberRefusal refusal)
    {
        var code = CodeOf(refusal);
        return new AppProblem(code, ProblemCodes.Statuses[code], ProblemText.Get("Title" + refusal), ProblemText.Get("Refusal" + refusal));
    }

    /// <summary>No member has the id (404 unknown-member).</summary>
    public static AppProblem UnknownMember() =>
        new(ProblemCodes.UnknownMember, 404, ProblemText.Get("TitleUnknownMember"), ProblemText.Get("UnknownMember"));

    /// <summary>Invalid fields of a person (400 invalid-input): field → the words of each problem.</summary>
    public static AppProblem Invalid(IEnumerable<MemberInputProblem> problems) =>
        AppProblem.Invalid(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => Describe(p.Error)).ToArray()));

    /// <summary>An invalid value of one field (400 invalid-input), e.g. <c>role</c> → "Role must be Member or Admin.".</summary>
    public static AppProblem Invalid(string field, MemberInputError error) => Invalid([new MemberInputProblem(field, error)]);

    /// <summary>What is wrong with a field, for a person: "Not a valid email address (name@example.com)." / "올바른 이메일 주소가 아닙니다…".</summary>
    public static string Describe(MemberInputError error) => error switch
    {
        MemberInputError.NameTooLong => Text["InputNameTooLong", MemberInput.MaxNameLength],
        _ => Text["Input" + error],
    };

    /// <summary>The stable code of a field problem, as the CSV import reports it: <c>EmailMissing</c> → <c>email-missing</c>.</summary>
    public static string CodeOf(MemberInputError error) => Kebab(error.ToString());

    /// <summary>A text of these resources (the CSV import's own messages).</summary>
    internal static string Get(string key, params object[] args) => Text[key, args];

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
