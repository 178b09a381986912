using System.Collections.Concurrent;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Schedule;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// The slots this instance knows to be held (an active booking), so that the many losers of an opening burst are
/// answered <c>slot-taken</c> from memory, before any database read and before <see cref="SlotTurns"/> and the
/// admission gate (F2). A shortcut, never an arbiter: the database's unique index decides who wins, and a slot
/// missing here simply takes the ordinary path (database reads). Singleton.
/// <para>
/// An entry is only ever <b>added</b> from what the database said: a read that found the slot's holder, or this
/// instance's own successful booking commit (<see cref="Add"/>, given the <see cref="Mark"/> taken before that
/// read or commit). It is <b>removed</b> by every event that may free the slot or change how a booking of it is
/// answered (cancel, end, no-show release, denial, and for a whole room: out of service, back in service,
/// deleted): right after this instance's own commit (<see cref="HeldSlotsEvictor"/>), and for other instances'
/// commits from the outbox change feed (<see cref="HeldSlotsFeed"/>). An add whose read or commit began before
/// such a removal is dropped, so a read that raced a cancel cannot bring the slot back. And every entry lives at
/// most <see cref="Lifetime"/> from the read that produced it, whatever happens: a freed slot whose event this
/// instance missed (the feed was down, the process had just started) is refused for at most that long.
/// </para>
/// </summary>
public sealed class HeldSlots(TimeProvider clock)
{
    /// <summary>How long an entry is trusted after the read or commit that produced it; then the database is asked again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>The moment a read or commit began, in the order of removals: see <see cref="Add"/>.</summary>
    public readonly record struct Marker(long Sequence, long Timestamp);

    private readonly ConcurrentDictionary<SlotKey, long> _held = new(); // slot → timestamp of the read that found it held
    private readonly Dictionary<SlotKey, Marker> _freedSlots = [];        // last removal per slot (kept for Lifetime)
    private readonly Dictionary<int, Marker> _freedRooms = [];            // last removal of a whole room
    private readonly Lock _gate = new();
    private long _sequence;
    private long _lastSweep;

    /// <summary>Take before reading the slot's holder (or committing a booking of it); pass to <see cref="Add"/>.</summary>
    public Marker Mark() => new(Volatile.Read(ref _sequence), clock.GetTimestamp());

    /// <summary>Whether the slot is known to be held (an entry younger than <see cref="Lifetime"/>).</summary>
    public bool IsHeld(SlotKey slot) => _held.TryGetValue(slot, out var at) && clock.GetElapsedTime(at) < Lifetime;

    /// <summary>How many slots are kept (entries not swept yet).</summary>
    public int Count => _held.Count;

    /// <summary>
    /// Records that the database found <paramref name="slot"/> held by a read (or commit) that began at
    /// <paramref name="mark"/>; ignored when the slot or its room was freed since.
    /// </summary>
    public void Add(SlotKey slot, Marker mark)
    {
        lock (_gate)
        {
            if (clock.GetElapsedTime(mark.Timestamp) >= Lifetime) return; // (removal records older than that are swept)
            if (_freedSlots.TryGetValue(slot, out var freed) && freed.Sequence > mark.Sequence) return;
            if (_freedRooms.TryGetValue(slot.RoomId, out var room) && room.Sequence > mark.Sequence) return;
            _held[slot] = mark.Timestamp;
            SweepIfDue();
        }
    }

    /// <summary>Forgets the slot (it may be free now), and drops adds from reads that began before this.</summary>
    public void Free(SlotKey slot)
    {
        lock (_gate)
        {
            _freedSlots[slot] = Next();
            _held.TryRemove(slot, out _);
        }
    }

    /// <summary>Forgets every slot of the room (out of service, back in service, deleted).</summary>
    public void FreeRoom(int roomId)
    {
        lock (_gate)
        {
            _freedRooms[roomId] = Next();
            foreach (var slot in _held.Keys)
                if (slot.RoomId == roomId) _held.TryRemove(slot, out _);
        }
    }

    /// <summary>
    /// The effect of one domain event: events that keep the slot held (placed, approved, started, waitlist changes)
    /// change nothing; every other event of a slot frees it, and a room's status change or deletion frees the room.
    /// </summary>
    public void Apply(IDomainEvent domainEvent)
    {
        if (KeepsHeld.Contains(domainEvent.GetType().Name)) return;
        switch (domainEvent)
        {
            case IRoomEvent room:
                FreeRoom(room.RoomId);
                return;
            case ISlotEvent slotEvent:
                var slot = slotEvent.Slot;
                Free(new SlotKey(slot.Date, slot.RoomId, slot.Period.Start));
                return;
        }
    }

    /// <summary>The events (by type name) after which the slot is still held: <see cref="Apply"/> ignores them.</summary>
    public static readonly IReadOnlySet<string> KeepsHeld = new HashSet<string>(
        [nameof(BookingPlaced), nameof(BookingApproved), nameof(MeetingStarted), nameof(WaitlistJoined), nameof(WaitlistLeft), nameof(WaitlistServed),
         nameof(RoomEdited), nameof(DoorDisplayRevoked)]);

    private Marker Next() => new(Interlocked.Increment(ref _sequence), clock.GetTimestamp());

    /// <summary>Drops expired entries and removal records (under the lock); memory stays bounded by what was read in the last <see cref="Lifetime"/>.</summary>
    private void SweepIfDue()
    {
        if (_lastSweep != 0 && clock.GetElapsedTime(_lastSweep) < Lifetime) return;
        _lastSweep = clock.GetTimestamp();
        foreach (var (slot, at) in _held)
            if (clock.GetElapsedTime(at) >= Lifetime) _held.TryRemove(new KeyValuePair<SlotKey, long>(slot, at));
        foreach (var slot in _freedSlots.Where(f => clock.GetElapsedTime(f.Value.Timestamp) >= Lifetime).Select(f => f.Key).ToList())
            _freedSlots.Remove(slot);
        foreach (var room in _freedRooms.Where(f => clock.GetElapsedTime(f.Value.Timestamp) >= Lifetime).Select(f => f.Key).ToList())
            _freedRooms.Remove(room);
    }
}
