using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Domain;

/// <summary>R2 with F3 (issue 25): deleting a room removes the places in line for its slots, saying why.</summary>
public sealed class WaitlistRoomDeletionTests
{
    private static readonly DateTimeOffset Before = Instants.Utc(2026, 11, 23, 0, 30);

    [Fact]
    public void A_place_in_line_is_removed_and_raises_WaitlistLeft_for_the_deleted_room()
    {
        var entry = A.WaitlistEntry().Build();

        Assert.True(entry.RemoveForDeletedRoom(People.Admin, Before).IsOk);

        Assert.Equal((WaitlistState.Left, Before), (entry.State, entry.ClosedAt));
        var left = Assert.IsType<WaitlistLeft>(Assert.Single(entry.DomainEvents));
        Assert.Equal((WaitlistLeaveCause.RoomDeleted, entry.Member, entry.Slot), (left.Cause, left.Member, left.Slot));
    }

    [Fact]
    public void Removing_a_place_for_a_deleted_room_is_for_admins_only()
    {
        var entry = A.WaitlistEntry().Build();

        Assert.Equal(RefusalReason.AdminOnly, entry.RemoveForDeletedRoom(People.OtherMember, Before).Refusal?.Reason);
        Assert.Equal(WaitlistState.Waiting, entry.State);
        Assert.Empty(entry.DomainEvents);
    }

    [Fact]
    public void A_place_no_longer_waiting_is_left_alone()
    {
        var entry = A.WaitlistEntry().Build();
        entry.Leave(People.Booker, Before);
        entry.ClearDomainEvents();

        Assert.Equal(RefusalReason.WrongState, entry.RemoveForDeletedRoom(People.Admin, Before).Refusal?.Reason);
        Assert.Empty(entry.DomainEvents);
    }

    [Fact]
    public void A_member_leaving_and_a_deactivation_say_so_in_WaitlistLeft()
    {
        var left = A.WaitlistEntry().Build();
        var removed = A.WaitlistEntry().Build();

        left.Leave(People.Booker, Before);
        removed.RemoveForDeactivatedMember(People.Admin, Before);

        Assert.Equal(WaitlistLeaveCause.MemberLeft, Assert.IsType<WaitlistLeft>(Assert.Single(left.DomainEvents)).Cause);
        Assert.Equal(WaitlistLeaveCause.MemberDeactivated, Assert.IsType<WaitlistLeft>(Assert.Single(removed.DomainEvents)).Cause);
    }
}
