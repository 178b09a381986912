using MeetingRoom.Domain.Members;

namespace MeetingRoom.Tests.Domain;

/// <summary>Who comes in through the identity provider and what they become (issue 20), as pure rules.</summary>
public sealed class SingleSignOnRulesTests
{
    private static readonly string[] AnyDomain = [];
    private static readonly string[] Contoso = ["contoso.com", "@contoso-labs.com"];

    [Theory]
    [InlineData("ada@contoso.com")]
    [InlineData("Ada@CONTOSO.com")]
    [InlineData("ada@contoso-labs.com")]
    public void A_verified_email_of_an_allowed_domain_is_admitted(string email) =>
        Assert.Null(SingleSignOnRules.CanAdmit(email, emailVerified: true, Contoso));

    [Theory]
    [InlineData("ada@fabrikam.com")]
    [InlineData("ada@eu.contoso.com")]
    [InlineData("ada@contoso.com.evil.test")]
    public void Another_domain_is_refused(string email) =>
        Assert.Equal(SignOnRefusal.DomainNotAllowed, SingleSignOnRules.CanAdmit(email, emailVerified: true, Contoso));

    [Fact]
    public void Without_allowed_domains_any_verified_email_is_admitted() =>
        Assert.Null(SingleSignOnRules.CanAdmit("ada@fabrikam.com", emailVerified: true, AnyDomain));

    [Theory]
    [InlineData("ada@contoso.com", false)]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("not-an-email", true)]
    [InlineData("ada@", true)]
    [InlineData("@contoso.com", true)]
    public void A_missing_unverified_or_malformed_email_is_refused_before_the_domain(string? email, bool verified) =>
        Assert.Equal(SignOnRefusal.UnverifiedEmail, SingleSignOnRules.CanAdmit(email, verified, Contoso));

    [Fact]
    public void An_email_longer_than_the_column_is_refused() =>
        Assert.Equal(SignOnRefusal.UnverifiedEmail, SingleSignOnRules.CanAdmit(new string('a', 250) + "@contoso.com", true, AnyDomain));

    [Theory]
    [InlineData(MemberStatus.Active, false, null)]
    [InlineData(MemberStatus.Invited, false, null)]
    [InlineData(MemberStatus.Deactivated, false, SignOnRefusal.Deactivated)]
    [InlineData(MemberStatus.Deactivated, true, SignOnRefusal.Deactivated)]
    [InlineData(MemberStatus.Active, true, SignOnRefusal.LinkedToAnotherAccount)]
    public void A_deactivated_member_or_one_linked_to_another_account_cannot_sign_on(MemberStatus status, bool linkedElsewhere, SignOnRefusal? expected) =>
        Assert.Equal(expected, SingleSignOnRules.CanSignOn(status, linkedElsewhere));

    [Theory]
    [InlineData(MemberStatus.Invited, MemberStatus.Active)]
    [InlineData(MemberStatus.Active, MemberStatus.Active)]
    public void An_invited_member_becomes_active_by_signing_on(MemberStatus before, MemberStatus after) =>
        Assert.Equal(after, SingleSignOnRules.StatusAfterSignOn(before));

    [Fact]
    public void Without_admin_groups_the_provider_does_not_decide_roles() =>
        Assert.Null(SingleSignOnRules.IsAdmin(["mr-admins"], []));

    [Theory]
    [InlineData(true, "engineering", "MR-Admins")]
    [InlineData(false, "engineering")]
    [InlineData(false)]
    public void A_member_of_an_admin_group_is_admin(bool expected, params string[] groups) =>
        Assert.Equal(expected, SingleSignOnRules.IsAdmin(groups, ["mr-admins", "facilities"]));
}
