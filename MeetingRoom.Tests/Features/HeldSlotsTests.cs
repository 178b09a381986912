using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Bookings;
using Microsoft.Extensions.Time.Testing;

namespace MeetingRoom.Tests.Features;

/// <summary>F2: the set of slots an instance knows to be held: filled from the database only, emptied by events, bounded in time.</summary>
public class HeldSlotsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T10:05:00+09:00");
    private static readonly SlotKey Key = new(new DateOnly(2026, 11, 23), 1, new TimeOnly(10, 0));
    private static readonly SlotKey SameRoomOtherPeriod = Key with { Start = new TimeOnly(13, 0) };
    private static readonly SlotKey OtherRoom = Key with { RoomId = 2 };
    private static readonly MemberId Booker = new("booker");

    private readonly FakeTimeProvider _clock = new(Now);
    private HeldSlots New() => new(_clock);

    private static Slot SlotOf(SlotKey key) =>
        Timetable.Default.SlotFor(key.RoomId, key.Date, Timetable.Default.FindPeriod(key.Start)!);

    private static HeldSlots With(HeldSlots held, params SlotKey[] keys)
    {
        foreach (var key in keys) held.Add(key, held.Mark());
        return held;
    }

    [Fact]
    public void A_slot_is_held_only_once_the_database_said_so()
    {
        var held = New();
        Assert.False(held.IsHeld(Key));

        held.Add(Key, held.Mark());

        Assert.True(held.IsHeld(Key));
        Assert.False(held.IsHeld(OtherRoom));
    }

    [Fact]
    public void Freeing_a_slot_forgets_it_and_only_it()
    {
        var held = With(New(), Key, SameRoomOtherPeriod);

        held.Free(Key);

        Assert.False(held.IsHeld(Key));
        Assert.True(held.IsHeld(SameRoomOtherPeriod));
    }

    [Fact]
    public void A_read_that_began_before_the_slot_was_freed_cannot_bring_it_back()
    {
        var held = New();
        var mark = held.Mark(); // the read starts, and sees the booking…
        held.Free(Key);         // …which is cancelled before the read's answer is recorded

        held.Add(Key, mark);

        Assert.False(held.IsHeld(Key));
        held.Add(Key, held.Mark()); // a read after the cancel that finds the slot held again (re-booked) counts
        Assert.True(held.IsHeld(Key));
    }

    [Fact]
    public void A_read_that_began_before_its_room_was_freed_cannot_bring_a_slot_of_it_back()
    {
        var held = New();
        var mark = held.Mark();
        held.FreeRoom(Key.RoomId);

        held.Add(Key, mark);

        Assert.False(held.IsHeld(Key));
    }

    [Fact]
    public void An_entry_is_trusted_for_its_lifetime_from_the_read_then_the_database_is_asked_again()
    {
        var held = With(New(), Key);

        _clock.Advance(HeldSlots.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.True(held.IsHeld(Key));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(held.IsHeld(Key));
    }

    [Fact]
    public void A_read_older_than_the_lifetime_adds_nothing()
    {
        var held = New();
        var mark = held.Mark();
        _clock.Advance(HeldSlots.Lifetime);

        held.Add(Key, mark);

        Assert.False(held.IsHeld(Key));
    }

    [Fact]
    public void Expired_entries_are_swept_so_memory_stays_bounded()
    {
        var held = New();
        for (var room = 1; room <= 100; room++) held.Add(Key with { RoomId = room }, held.Mark());
        _clock.Advance(HeldSlots.Lifetime);

        held.Add(OtherRoom with { RoomId = 1000 }, held.Mark());

        Assert.Equal(1, held.Count);
    }

    [Fact]
    public void Events_that_keep_the_slot_held_change_nothing()
    {
        var held = With(New(), Key);
        var slot = SlotOf(Key);
        var id = Guid.NewGuid();

        held.Apply(new BookingPlaced(id, slot, Booker, "Booker", BookingState.Confirmed, Now));
        held.Apply(new BookingApproved(id, slot, Booker, Booker, Now));
        held.Apply(new MeetingStarted(id, slot, Booker, Now));
        held.Apply(new WaitlistJoined(slot, new MemberId("other"), Now));
        held.Apply(new WaitlistLeft(1, slot, new MemberId("other"), Now));

        Assert.True(held.IsHeld(Key));
    }

    public static TheoryData<string> FreeingEvents => ["cancelled", "denied", "released", "ended"];

    [Theory]
    [MemberData(nameof(FreeingEvents))]
    public void An_event_that_may_free_the_slot_forgets_it(string what)
    {
        var held = With(New(), Key, SameRoomOtherPeriod);
        var slot = SlotOf(Key);
        var id = Guid.NewGuid();

        held.Apply(what switch
        {
            "cancelled" => new BookingCancelled(id, slot, Booker, Booker, false, null, Now),
            "denied" => new BookingDenied(id, slot, Booker, Booker, "no", Now),
            "released" => new BookingReleased(id, slot, Booker, Now),
            _ => (IDomainEvent)new MeetingEnded(id, slot, Booker, true, Now),
        });

        Assert.False(held.IsHeld(Key));
        Assert.True(held.IsHeld(SameRoomOtherPeriod));
    }

    public static TheoryData<string> RoomEvents => ["out-of-service", "in-service", "deleted"];

    [Theory]
    [MemberData(nameof(RoomEvents))]
    public void A_room_event_forgets_every_slot_of_the_room(string what)
    {
        var held = With(New(), Key, SameRoomOtherPeriod, OtherRoom);

        held.Apply(what switch
        {
            "out-of-service" => new RoomTakenOutOfService(Key.RoomId, "leak", Now),
            "in-service" => new RoomReturnedToService(Key.RoomId, Now),
            _ => (IDomainEvent)new RoomDeleted(Key.RoomId, Now),
        });

        Assert.False(held.IsHeld(Key));
        Assert.False(held.IsHeld(SameRoomOtherPeriod));
        Assert.True(held.IsHeld(OtherRoom));
    }
}
