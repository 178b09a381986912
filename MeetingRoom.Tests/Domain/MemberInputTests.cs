using MeetingRoom.Domain.Members;

namespace MeetingRoom.Tests.Domain;

/// <summary>The rules a person to invite follows (MemberInput): the invite form, the API and the CSV import share them.</summary>
public sealed class MemberInputTests
{
    [Fact]
    public void A_plain_address_a_name_and_a_known_role_follow_the_rules()
    {
        Assert.Empty(MemberInput.Check(" minji.kim@corp.example ", " 김민지 ", "admin"));
        Assert.Empty(MemberInput.Check("minji.kim@corp.example", "Minji Kim", null)); // no role: Member
    }

    [Theory]
    [InlineData("", "email", MemberInputError.EmailMissing)]
    [InlineData("not-an-email", "email", MemberInputError.EmailInvalid)]
    [InlineData("Minji <minji@corp.example>", "email", MemberInputError.EmailInvalid)]
    [InlineData("a@b@corp.example", "email", MemberInputError.EmailInvalid)]
    [InlineData("two words@corp.example", "email", MemberInputError.EmailInvalid)]
    [InlineData("nul\0@corp.example", "email", MemberInputError.ControlCharacters)]
    public void A_bad_email_is_named(string email, string field, MemberInputError error) =>
        Assert.Equal([new MemberInputProblem(field, error)], MemberInput.Check(email, "Name", "Member"));

    [Fact]
    public void Every_field_is_checked_at_once()
    {
        var problems = MemberInput.Check("", new string('n', MemberInput.MaxNameLength + 1), "Owner");

        Assert.Equal([MemberInputError.EmailMissing, MemberInputError.NameTooLong, MemberInputError.RoleUnknown], problems.Select(p => p.Error));
    }

    [Fact]
    public void An_email_over_256_characters_is_invalid() =>
        Assert.Contains(new MemberInputProblem("email", MemberInputError.EmailInvalid),
            MemberInput.Check(new string('a', 250) + "@corp.example", "Name", null));

    [Theory]
    [InlineData(null, MemberRole.Member)]
    [InlineData("", MemberRole.Member)]
    [InlineData(" member ", MemberRole.Member)]
    [InlineData("ADMIN", MemberRole.Admin)]
    public void Roles_are_read_in_any_case_and_blank_is_member(string? text, MemberRole role) => Assert.Equal(role, MemberInput.ParseRole(text));

    [Fact]
    public void A_name_with_a_line_break_is_refused() =>
        Assert.Equal([new MemberInputProblem("name", MemberInputError.ControlCharacters)], MemberInput.Check("a@corp.example", "Two\nLines", null));
}
