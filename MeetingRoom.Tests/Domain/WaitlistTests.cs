using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

/// <summary>F3: joining and leaving the line for a slot, and the hand-over when it frees.</summary>
public class WaitlistTests
{
    // The default slot: 2026-11-23 10:00–11:50 in Seoul (01:00Z–02:50Z), its window open since the day before.
    private static readonly Slot TheSlot = A.Slot().Build();
    private static readonly BookingWindow Open = new(TheSlot.StartsAt - TimeSpan.FromDays(1), TheSlot.EndsAt);
    private static readonly DateTimeOffset Now = Utc(2026, 11, 23, 0, 30);

    private static BookingResult<WaitlistEntry> Join(Room room, MemberId? heldBy, DateTimeOffset? now = null,
        BookingWindow? window = null, params HeldBooking[] held) =>
        WaitlistEntry.Join(room, TheSlot, window ?? Open, heldBy, People.Booker, "Alice", now ?? Now, BookingLimits.Default, held);

    [Fact]
    public void Joining_a_slot_someone_else_holds_puts_the_member_in_line()
    {
        var entry = Join(A.Room().Build(), People.OtherMember.Id).Value!;

        Assert.Equal(WaitlistState.Waiting, entry.State);
        Assert.Equal(People.Booker.Id, entry.Member);
        Assert.Equal(TheSlot, entry.Slot);
        Assert.True(entry.IsInLineAt(Now));
    }

    [Fact]
    public void Joining_raises_WaitlistJoined_for_the_slot()
    {
        var entry = Join(A.Room().Build(), People.OtherMember.Id).Value!;

        var joined = Assert.IsType<WaitlistJoined>(Assert.Single(entry.DomainEvents));
        Assert.Equal(TheSlot, joined.Slot);
    }

    [Fact]
    public void Joining_a_free_open_slot_is_refused_as_slot_free()
    {
        Assert.Equal(RefusalReason.SlotFree, Join(A.Room().Build(), heldBy: null).Refusal?.Reason);
    }

    [Fact]
    public void Joining_a_free_slot_whose_window_has_not_opened_is_refused_as_not_open_yet()
    {
        var later = new BookingWindow(Now.AddMinutes(10), TheSlot.EndsAt);

        Assert.Equal(RefusalReason.NotOpenYet, Join(A.Room().Build(), heldBy: null, window: later).Refusal?.Reason);
    }

    [Fact]
    public void Joining_a_slot_one_holds_oneself_is_refused_as_already_yours()
    {
        Assert.Equal(RefusalReason.AlreadyYours, Join(A.Room().Build(), People.Booker.Id).Refusal?.Reason);
    }

    [Fact]
    public void Joining_once_the_period_is_over_is_refused()
    {
        Assert.Equal(RefusalReason.PeriodOver, Join(A.Room().Build(), People.OtherMember.Id, now: TheSlot.EndsAt).Refusal?.Reason);
    }

    [Fact]
    public void Joining_when_the_member_could_not_receive_the_slot_is_refused_as_member_limit()
    {
        var elsewhere = A.Held().Of(TheSlot with { RoomId = 2 }).Build();

        Assert.Equal(RefusalReason.MemberLimit, Join(A.Room().Build(), People.OtherMember.Id, held: elsewhere).Refusal?.Reason);
    }

    [Fact]
    public void A_slot_of_a_room_out_of_service_can_be_waited_for()
    {
        Assert.True(Join(A.Room().OutOfService().Build(), heldBy: null).IsOk);
    }

    [Fact]
    public void Leaving_takes_the_member_out_of_line()
    {
        var entry = A.WaitlistEntry().Build();

        Assert.True(entry.Leave(People.Booker, Now).IsOk);

        Assert.Equal(WaitlistState.Left, entry.State);
        Assert.False(entry.IsInLineAt(Now));
        Assert.IsType<WaitlistLeft>(Assert.Single(entry.DomainEvents));
    }

    [Fact]
    public void Another_member_may_not_take_someone_out_of_line()
    {
        var entry = A.WaitlistEntry().Build();

        Assert.Equal(RefusalReason.NotTheBooker, entry.Leave(People.OtherMember, Now).Refusal?.Reason);
        Assert.Equal(WaitlistState.Waiting, entry.State);
    }

    [Fact]
    public void An_admin_may_take_someone_out_of_line()
    {
        Assert.True(A.WaitlistEntry().Build().Leave(People.Admin, Now).IsOk);
    }

    [Fact]
    public void Hand_over_gives_the_member_a_confirmed_booking_of_the_slot()
    {
        var entry = A.WaitlistEntry().Build();

        var booking = entry.HandOver(A.Room().Build(), Open, BookingLimits.Default, [], Now).Value!;

        Assert.Equal(BookingState.Confirmed, booking.State);
        Assert.Equal(People.Booker.Id, booking.BookedBy);
        Assert.Equal(TheSlot, booking.Slot);
    }

    [Fact]
    public void Hand_over_serves_the_entry_and_raises_WaitlistServed_with_the_booking()
    {
        var entry = A.WaitlistEntry().Build();

        var booking = entry.HandOver(A.Room().Build(), Open, BookingLimits.Default, [], Now).Value!;

        Assert.Equal(WaitlistState.Served, entry.State);
        Assert.Equal(booking.Id, entry.BookingId);
        var served = Assert.IsType<WaitlistServed>(Assert.Single(entry.DomainEvents));
        Assert.Equal((booking.Id, People.Booker.Id), (served.BookingId, served.Member));
    }

    [Fact]
    public void Hand_over_in_a_room_needing_approval_gives_a_pending_booking()
    {
        var booking = A.WaitlistEntry().Build().HandOver(A.Room().NeedingApproval().Build(), Open, BookingLimits.Default, [], Now).Value!;

        Assert.Equal(BookingState.PendingApproval, booking.State);
    }

    [Fact]
    public void Hand_over_takes_the_members_limit_places()
    {
        var booking = A.WaitlistEntry().Build().HandOver(A.Room().Build(), Open, BookingLimits.Default, [], Now).Value!;

        Assert.Equal((1, 1, 1), (booking.PeriodClaim, booking.DayClaim, booking.UpcomingClaim));
    }

    [Fact]
    public void A_member_who_reached_a_limit_is_passed_over_and_keeps_waiting()
    {
        var entry = A.WaitlistEntry().Build();

        var result = entry.HandOver(A.Room().Build(), Open, BookingLimits.Default, [A.Held().Of(TheSlot with { RoomId = 2 }).Build()], Now);

        Assert.Equal(RefusalReason.MemberLimit, result.Refusal?.Reason);
        Assert.Equal(WaitlistState.Waiting, entry.State);
        Assert.Empty(entry.DomainEvents);
    }

    [Fact]
    public void A_waitlist_ends_with_its_period()
    {
        var entry = A.WaitlistEntry().Build();

        Assert.False(entry.IsInLineAt(TheSlot.EndsAt));
        Assert.Equal(RefusalReason.PeriodOver, entry.HandOver(A.Room().Build(), Open, BookingLimits.Default, [], TheSlot.EndsAt).Refusal?.Reason);
    }

    [Fact]
    public void A_room_out_of_service_is_not_handed_over()
    {
        var result = A.WaitlistEntry().Build().HandOver(A.Room().OutOfService().Build(), Open, BookingLimits.Default, [], Now);

        Assert.Equal(RefusalReason.RoomOutOfService, result.Refusal?.Reason);
    }

    [Fact]
    public void A_place_that_was_left_cannot_be_handed_over()
    {
        var entry = A.WaitlistEntry().Build();
        entry.Leave(People.Booker, Now);

        Assert.Equal(RefusalReason.WrongState, entry.HandOver(A.Room().Build(), Open, BookingLimits.Default, [], Now).Refusal?.Reason);
    }
}
