using MeetingRoom.Domain.Members;

namespace MeetingRoom.Tests.Domain;

/// <summary>What an invitation's email, name and role may be, and who may be invited again, accept, or reset a password.</summary>
public class InvitationRulesTests
{
    [Theory]
    [InlineData("jin@example.com")]
    [InlineData("  jin.park+rooms@mail.example.co.kr ")]
    [InlineData("o'brien@example.com")]
    public void A_plain_address_is_accepted(string email) => Assert.Null(MemberInput.EmailProblem(email));

    [Theory]
    [InlineData(null, "EmailRequired")]
    [InlineData("   ", "EmailRequired")]
    [InlineData("jin", "EmailInvalid")]
    [InlineData("jin@", "EmailInvalid")]
    [InlineData("@example.com", "EmailInvalid")]
    [InlineData("jin@example", "EmailInvalid")]
    [InlineData("jin@@example.com", "EmailInvalid")]
    [InlineData("jin park@example.com", "EmailInvalid")]
    [InlineData("Jin <jin@example.com>", "EmailInvalid")]
    [InlineData("a@b.com, c@d.com", "EmailInvalid")]
    [InlineData("jin@example..com", "EmailInvalid")]
    [InlineData("jin\0@example.com", "EmailInvalid")]
    public void Anything_but_one_address_is_refused(string? email, string key) => Assert.Equal(key, MemberInput.EmailProblem(email)?.Key);

    [Fact]
    public void An_address_over_254_characters_is_refused() =>
        Assert.Equal("TextTooLong", MemberInput.EmailProblem(new string('a', 243) + "@example.com")?.Key);

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("member", false)]
    [InlineData("Member", false)]
    [InlineData(" ADMIN ", true)]
    public void The_role_is_member_or_admin(string? role, bool admin) => Assert.Equal(admin, MemberInput.ParseRole(role) == MemberRole.Admin);

    [Theory]
    [InlineData("Owner")]
    [InlineData("Admin,Member")]
    public void Any_other_role_is_refused(string role) =>
        Assert.Equal("RoleUnknown", Assert.Single(MemberInput.ValidateInvitation("a@example.com", "A", role).ToMessages()["role"]).Key);

    [Fact]
    public void Without_a_name_the_member_is_called_by_the_start_of_their_address() =>
        Assert.Equal("jin.park", MemberInput.DisplayNameFor(" jin.park@example.com", "  "));

    [Fact]
    public void A_name_is_optional_in_an_invitation_but_required_on_the_profile()
    {
        Assert.Null(MemberInput.NameProblem(null, required: false));
        Assert.Equal("NameRequired", MemberInput.NameProblem(" ", required: true)?.Key);
    }

    [Theory]
    [InlineData(MemberStatus.Invited, true)]
    [InlineData(MemberStatus.Active, false)]
    [InlineData(MemberStatus.Deactivated, false)]
    public void Only_an_invited_member_is_sent_the_invitation_again_or_accepts_one(MemberStatus status, bool allowed)
    {
        Assert.Equal(allowed, InvitationRules.CanResend(status) is null);
        Assert.Equal(allowed, InvitationRules.CanAccept(status) is null);
        if (!allowed) Assert.Equal(MemberRefusal.WrongStatus, InvitationRules.CanResend(status));
    }

    [Theory]
    [InlineData(MemberStatus.Active, true, true)]
    [InlineData(MemberStatus.Active, false, false)]  // single sign-on only
    [InlineData(MemberStatus.Invited, false, false)]
    [InlineData(MemberStatus.Deactivated, true, false)]
    public void Only_an_active_member_with_a_password_is_mailed_a_reset_link(MemberStatus status, bool hasPassword, bool mailed) =>
        Assert.Equal(mailed, InvitationRules.GetsPasswordReset(status, hasPassword));

    [Fact]
    public void An_invitation_is_valid_for_seven_days() => Assert.Equal(TimeSpan.FromDays(7), InvitationRules.InvitationLifetime);
}
