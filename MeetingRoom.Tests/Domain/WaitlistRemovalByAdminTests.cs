using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Domain;

/// <summary>
/// An admin takes places out of a waitlist, saying why: the member was deactivated (P1, issue 20) or the room deleted (R2,
/// issue 25, which tells the member). A place the member leaves says so too.
/// </summary>
public sealed class WaitlistRemovalByAdminTests
{
    private static readonly DateTimeOffset Before = Instants.Utc(2026, 11, 23, 0, 30);

    private static BookingResult Remove(WaitlistEntry entry, WaitlistLeaveCause cause, Actor by) => cause switch
    {
        WaitlistLeaveCause.MemberDeactivated => entry.RemoveForDeactivatedMember(by, Before),
        WaitlistLeaveCause.RoomDeleted => entry.RemoveForDeletedRoom(by, Before),
        _ => throw new ArgumentOutOfRangeException(nameof(cause)),
    };

    [Theory]
    [InlineData(WaitlistLeaveCause.MemberDeactivated)]
    [InlineData(WaitlistLeaveCause.RoomDeleted)]
    public void A_place_in_line_is_removed_and_raises_WaitlistLeft_with_the_cause(WaitlistLeaveCause cause)
    {
        var entry = A.WaitlistEntry().Build();

        Assert.True(Remove(entry, cause, People.Admin).IsOk);

        Assert.Equal((WaitlistState.Left, Before), (entry.State, entry.ClosedAt));
        Assert.False(entry.IsInLineAt(Before));
        var left = Assert.IsType<WaitlistLeft>(Assert.Single(entry.DomainEvents));
        Assert.Equal((cause, entry.Member, entry.Slot), (left.Cause, left.Member, left.Slot));
    }

    [Theory]
    [InlineData(WaitlistLeaveCause.MemberDeactivated)]
    [InlineData(WaitlistLeaveCause.RoomDeleted)]
    public void Removing_a_place_is_for_admins_only(WaitlistLeaveCause cause)
    {
        var entry = A.WaitlistEntry().Build();

        Assert.Equal(RefusalReason.AdminOnly, Remove(entry, cause, People.OtherMember).Refusal?.Reason);
        Assert.Equal(WaitlistState.Waiting, entry.State);
        Assert.Empty(entry.DomainEvents);
    }

    [Theory]
    [InlineData(WaitlistLeaveCause.MemberDeactivated)]
    [InlineData(WaitlistLeaveCause.RoomDeleted)]
    public void A_place_no_longer_waiting_is_left_alone(WaitlistLeaveCause cause)
    {
        var entry = A.WaitlistEntry().Build();
        entry.Leave(People.Booker, Before);
        entry.ClearDomainEvents();

        Assert.Equal(RefusalReason.WrongState, Remove(entry, cause, People.Admin).Refusal?.Reason);
        Assert.Empty(entry.DomainEvents);
    }

    [Fact]
    public void A_member_leaving_says_so_in_WaitlistLeft()
    {
        var entry = A.WaitlistEntry().Build();

        entry.Leave(People.Booker, Before);

        Assert.Equal(WaitlistLeaveCause.MemberLeft, Assert.IsType<WaitlistLeft>(Assert.Single(entry.DomainEvents)).Cause);
    }
}
