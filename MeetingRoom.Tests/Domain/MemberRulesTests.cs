using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;

namespace MeetingRoom.Tests.Domain;

/// <summary>P1's member rules: nobody deactivates themselves, the site never loses its last active admin, only a deactivated member is reactivated.</summary>
public sealed class MemberRulesTests
{
    private static readonly MemberId Carol = new("carol"), Dave = new("dave");

    [Fact]
    public void An_admin_may_deactivate_an_active_member()
    {
        Assert.Null(MemberRules.CanDeactivate(Carol, Dave, MemberStatus.Active, targetIsAdmin: false, activeAdmins: 1));
    }

    [Fact]
    public void An_admin_may_deactivate_an_invited_member()
    {
        Assert.Null(MemberRules.CanDeactivate(Carol, Dave, MemberStatus.Invited, targetIsAdmin: false, activeAdmins: 1));
    }

    [Fact]
    public void An_admin_may_not_deactivate_themselves_even_with_other_admins()
    {
        Assert.Equal(MemberRefusal.CannotDeactivateSelf, MemberRules.CanDeactivate(Carol, Carol, MemberStatus.Active, targetIsAdmin: true, activeAdmins: 5));
    }

    [Fact]
    public void A_deactivated_member_cannot_be_deactivated_again()
    {
        Assert.Equal(MemberRefusal.WrongStatus, MemberRules.CanDeactivate(Carol, Dave, MemberStatus.Deactivated, targetIsAdmin: false, activeAdmins: 1));
    }

    [Fact]
    public void The_last_active_admin_cannot_be_deactivated()
    {
        Assert.Equal(MemberRefusal.LastAdmin, MemberRules.CanDeactivate(Carol, Dave, MemberStatus.Active, targetIsAdmin: true, activeAdmins: 1));
    }

    [Fact]
    public void An_admin_may_be_deactivated_while_another_active_admin_remains()
    {
        Assert.Null(MemberRules.CanDeactivate(Carol, Dave, MemberStatus.Active, targetIsAdmin: true, activeAdmins: 2));
    }

    [Fact]
    public void An_invited_admin_is_not_an_active_admin_and_may_be_deactivated_when_counted_alone()
    {
        Assert.Null(MemberRules.CanDeactivate(Carol, Dave, MemberStatus.Invited, targetIsAdmin: true, activeAdmins: 1));
    }

    [Fact]
    public void Only_a_deactivated_member_can_be_reactivated()
    {
        Assert.Null(MemberRules.CanReactivate(MemberStatus.Deactivated));
        Assert.Equal(MemberRefusal.WrongStatus, MemberRules.CanReactivate(MemberStatus.Active));
        Assert.Equal(MemberRefusal.WrongStatus, MemberRules.CanReactivate(MemberStatus.Invited));
    }

    [Fact]
    public void The_admin_role_cannot_be_taken_from_the_last_active_admin()
    {
        Assert.Equal(MemberRefusal.LastAdmin, MemberRules.CanRemoveAdmin(MemberStatus.Active, activeAdmins: 1));
    }

    [Fact]
    public void The_admin_role_can_be_taken_while_another_active_admin_remains()
    {
        Assert.Null(MemberRules.CanRemoveAdmin(MemberStatus.Active, activeAdmins: 2));
    }

    [Theory]
    [InlineData(MemberStatus.Invited)]
    [InlineData(MemberStatus.Deactivated)]
    public void The_admin_role_can_be_taken_from_an_admin_who_is_not_active(MemberStatus status)
    {
        Assert.Null(MemberRules.CanRemoveAdmin(status, activeAdmins: 1));
    }
}
