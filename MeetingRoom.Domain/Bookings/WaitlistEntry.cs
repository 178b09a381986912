using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>
/// A member's place in the line for a slot someone else holds (requirement F3):
/// <code>
/// Join ──► Waiting ─┬─Leave────► Left
///                   ├─RemoveForDeactivatedMember──► Left   (an admin deactivated the member)
///                   ├─RemoveForDeletedRoom────────► Left   (an admin deleted the room: the member is told)
///                   └─HandOver─► Served   (the slot freed: the member gets the booking)
/// </code>
/// A waitlist ends with its period: a Waiting entry whose period is over is no longer in line
/// (<see cref="IsInLineAt"/>) and can no longer be served. The order of the line is the order of joining
/// (the database's increasing <see cref="Id"/>). "At most one place per member and slot" is decided by the
/// database (a filtered unique index), as is "one active booking per slot" when the entry is served.
/// </summary>
public sealed class WaitlistEntry : AggregateRoot
{
    /// <summary>Given by the database; increases in the order of joining.</summary>
    public long Id { get; private set; }
    public int RoomId { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly PeriodStart { get; private set; }
    public TimeOnly PeriodEnd { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public MemberId Member { get; private set; }
    public string MemberName { get; private set; } = "";
    /// <summary>Whether the member was an admin when joining (admins may be exempt from the limits).</summary>
    public bool MemberIsAdmin { get; private set; }
    public WaitlistState State { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>The booking the member received (Served).</summary>
    public Guid? BookingId { get; private set; }

    public Slot Slot => new(RoomId, Date, new Period(PeriodStart, PeriodEnd), StartsAt, EndsAt);

    public Actor Actor => new(Member, MemberIsAdmin);

    private WaitlistEntry() { }

    /// <summary>Whether the entry is still in line at <paramref name="now"/>: waiting, and its period not over.</summary>
    public bool IsInLineAt(DateTimeOffset now) => State == WaitlistState.Waiting && now < EndsAt;

    /// <summary>
    /// Queues <paramref name="member"/> for <paramref name="slot"/>. Refused when the period is over, when the
    /// member holds the slot (<see cref="RefusalReason.AlreadyYours"/>), when nobody holds it and it can be
    /// booked now (<see cref="RefusalReason.SlotFree"/>) or not yet (not-open-yet), and when the member's
    /// active bookings (<paramref name="held"/>) already reach a limit, since the slot could not be given to
    /// them (<see cref="RefusalReason.MemberLimit"/>). A slot of a room out of service may be waited for: it
    /// is handed over when the room is back in service.
    /// </summary>
    /// <param name="heldBy">Who holds the slot (an active booking), or null.</param>
    public static BookingResult<WaitlistEntry> Join(Room room, Slot slot, BookingWindow window, MemberId? heldBy,
        Actor member, string memberName, DateTimeOffset now, BookingLimits limits, IReadOnlyCollection<HeldBooking> held)
    {
        if (room.IsDeleted) return BookingRefusal.UnknownRoom;
        if (slot.IsOverAt(now)) return BookingRefusal.PeriodOver(slot);
        if (heldBy == member.Id) return BookingRefusal.AlreadyYours;
        if (heldBy is null && room.IsBookable)
            return now < window.OpensAt ? BookingRefusal.NotOpenYet(window.OpensAt) : BookingRefusal.SlotFree;
        var claims = limits.Claim(member, slot, held, now);
        if (!claims.IsOk) return claims.Refusal!;

        var entry = new WaitlistEntry
        {
            RoomId = slot.RoomId,
            Date = slot.Date,
            PeriodStart = slot.Period.Start,
            PeriodEnd = slot.Period.End,
            StartsAt = slot.StartsAt,
            EndsAt = slot.EndsAt,
            Member = member.Id,
            MemberName = memberName,
            MemberIsAdmin = member.IsAdmin,
            State = WaitlistState.Waiting,
            JoinedAt = now,
        };
        entry.Raise(new WaitlistJoined(slot, member.Id, now));
        return entry;
    }

    /// <summary>The member (or an admin) takes the entry out of the line. Refused unless it is waiting.</summary>
    public BookingResult Leave(Actor by, DateTimeOffset now)
    {
        if (by.Id != Member && !by.IsAdmin) return BookingRefusal.NotTheBooker;
        if (State != WaitlistState.Waiting) return BookingRefusal.WrongState(State);

        State = WaitlistState.Left;
        ClosedAt = now;
        Raise(new WaitlistLeft(Id, Slot, Member, now));
        return BookingResult.Ok;
    }

    /// <summary>
    /// An admin deactivated the member (P1, issue 20): the place is taken out of the line (state Left, as if the
    /// member had left, raising <see cref="WaitlistLeft"/> with <see cref="WaitlistLeaveCause.MemberDeactivated"/>), so the
    /// slot is never handed to a deactivated member. Admin only; refused unless the place is waiting.
    /// </summary>
    public BookingResult RemoveForDeactivatedMember(Actor admin, DateTimeOffset now) =>
        RemoveByAdmin(admin, WaitlistLeaveCause.MemberDeactivated, now);

    /// <summary>
    /// An admin deleted the room (R2, issue 25): the place is taken out of the line (state Left, raising
    /// <see cref="WaitlistLeft"/> with <see cref="WaitlistLeaveCause.RoomDeleted"/>, which tells the member their place is
    /// gone). Admin only; refused unless the place is waiting.
    /// </summary>
    public BookingResult RemoveForDeletedRoom(Actor admin, DateTimeOffset now) =>
        RemoveByAdmin(admin, WaitlistLeaveCause.RoomDeleted, now);

    private BookingResult RemoveByAdmin(Actor admin, WaitlistLeaveCause cause, DateTimeOffset now)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (State != WaitlistState.Waiting) return BookingRefusal.WrongState(State);

        State = WaitlistState.Left;
        ClosedAt = now;
        Raise(new WaitlistLeft(Id, Slot, Member, now, cause));
        return BookingResult.Ok;
    }

    /// <summary>
    /// The slot freed: the member in line receives the booking (confirmed, or pending approval for a room that
    /// needs it), placed exactly as a direct booking would be — within the window, the room in service, and
    /// within the member's limits (<paramref name="held"/>: their active bookings now). Refused (the entry stays
    /// waiting) when any of that fails, or with period-over once the waitlist has ended. The caller saves the
    /// booking and the entry together; the database decides against a direct booking racing it.
    /// </summary>
    public BookingResult<Booking> HandOver(Room room, BookingWindow window, BookingLimits limits,
        IReadOnlyCollection<HeldBooking> held, DateTimeOffset now)
    {
        if (State != WaitlistState.Waiting) return BookingRefusal.WrongState(State);
        var placed = Booking.Place(room, Slot, window, Actor, MemberName, now, limits, held);
        if (!placed.IsOk) return placed;

        var booking = placed.Value!;
        State = WaitlistState.Served;
        ClosedAt = now;
        BookingId = booking.Id;
        Raise(new WaitlistServed(Id, booking.Id, Slot, Member, booking.State, now));
        return booking;
    }

    /// <summary>
    /// The member's place in line (1 = next), given the ids of every entry still in line for the slot.
    /// </summary>
    public int PositionAmong(IEnumerable<long> idsInLine) => 1 + idsInLine.Count(id => id < Id);
}
