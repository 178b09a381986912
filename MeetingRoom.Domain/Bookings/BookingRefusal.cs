using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>Why a booking transition was refused. The API names each one in a problem <c>type</c>.</summary>
public enum RefusalReason
{
    NotOpenYet,
    SlotTaken,
    NotTheBooker,
    WrongState,
    RoomOutOfService,
    PeriodOver,
    UnknownRoom,
    UnknownPeriod,
    UnknownBooking,
    AdminOnly,
    ReasonRequired,
    /// <summary>A per-member booking limit is reached (F1).</summary>
    MemberLimit,
    /// <summary>Joining a waitlist of a slot that can simply be booked now (F3).</summary>
    SlotFree,
    /// <summary>The member already waits for that slot (F3).</summary>
    AlreadyWaiting,
    /// <summary>The member already holds that slot, so waiting for it makes no sense (F3).</summary>
    AlreadyYours,
    /// <summary>A given value breaks a rule (<see cref="BookingRefusal.Field"/> names it).</summary>
    InvalidInput,
    /// <summary>A timetable change would move or remove the period of active bookings (<see cref="BookingRefusal.Bookings"/>).</summary>
    TimetableInUse,
}

/// <summary>
/// A refused transition: the reason, a message a person can read (English, for logs and tests), and for
/// <see cref="RefusalReason.NotOpenYet"/> the UTC instant at which it becomes possible; for
/// <see cref="RefusalReason.MemberLimit"/> the limit reached, its value and the bookings counting against it; for
/// <see cref="RefusalReason.InvalidInput"/> the field at fault; for <see cref="RefusalReason.TimetableInUse"/>
/// the bookings in the way. <see cref="Detail"/>, when set, is the message language-neutrally (key + arguments) for
/// refusals whose wording depends on more than the reason (a state, a slot, a limit kind, a field rule); the web
/// layer words every refusal in the reader's language from the reason, <see cref="Detail"/> and the values above.
/// </summary>
public sealed record BookingRefusal(RefusalReason Reason, string Message, DateTimeOffset? OpensAt = null,
    LimitKind? Limit = null, int? LimitValue = null, string? Field = null, IReadOnlyList<Guid>? Bookings = null,
    DomainMessage? Detail = null)
{
    public static BookingRefusal InvalidInput(string field, DomainMessage message) =>
        new(RefusalReason.InvalidInput, message.Text, Field: field, Detail: message);

    public static BookingRefusal TimetableInUse(IReadOnlyList<Guid> bookings) =>
        new(RefusalReason.TimetableInUse,
            $"The change moves or removes the period of {bookings.Count} active booking(s): cancel them first, or keep their periods.",
            Bookings: bookings);

    public static BookingRefusal NotOpenYet(DateTimeOffset opensAt) =>
        new(RefusalReason.NotOpenYet, $"Not open yet: it opens at {opensAt:O}.", opensAt);

    public static readonly BookingRefusal SlotTaken =
        new(RefusalReason.SlotTaken, "That slot is already taken.");

    public static readonly BookingRefusal NotTheBooker =
        new(RefusalReason.NotTheBooker, "Only the member who booked it may do that.");

    public static BookingRefusal WrongState(BookingState state) =>
        new(RefusalReason.WrongState, $"Not possible while the booking is {state}.",
            Detail: new DomainMessage("WrongStateBooking", $"Not possible while the booking is {state}.", state));

    public static BookingRefusal WrongState(WaitlistState state) =>
        new(RefusalReason.WrongState, $"Not possible: the waitlist place is {state}.",
            Detail: new DomainMessage("WrongStateWaitlist", $"Not possible: the waitlist place is {state}.", state));

    public static readonly BookingRefusal RoomOutOfService =
        new(RefusalReason.RoomOutOfService, "The room is out of service.");

    public static BookingRefusal PeriodOver(Slot slot) =>
        new(RefusalReason.PeriodOver, $"The period {slot.Period} on {slot.Date:yyyy-MM-dd} is over.",
            Detail: new DomainMessage("PeriodOver", $"The period {slot.Period} on {slot.Date:yyyy-MM-dd} is over.",
                slot.Date, slot.Period.Start, slot.Period.End));

    public static readonly BookingRefusal UnknownRoom = new(RefusalReason.UnknownRoom, "There is no such room.");

    public static readonly BookingRefusal UnknownPeriod =
        new(RefusalReason.UnknownPeriod, "No period of the timetable starts at that time.");

    public static readonly BookingRefusal UnknownBooking = new(RefusalReason.UnknownBooking, "There is no such booking.");

    public static readonly BookingRefusal AdminOnly = new(RefusalReason.AdminOnly, "Only an admin may do that.");

    public static readonly BookingRefusal ReasonRequired = new(RefusalReason.ReasonRequired, "Give a reason.");

    public static BookingRefusal MemberLimit(LimitKind kind, int limit, IReadOnlyList<Guid> counting)
    {
        var text = kind switch
        {
            LimitKind.PerPeriod => $"You already hold {counting.Count} booking(s) in this period; the limit is {limit}.",
            LimitKind.PerDay => $"You already hold {counting.Count} booking(s) on this date; the limit is {limit} a day.",
            _ => $"You already hold {counting.Count} upcoming booking(s); the limit is {limit}.",
        };
        return new(RefusalReason.MemberLimit, text, Limit: kind, LimitValue: limit, Bookings: counting,
            Detail: new DomainMessage("MemberLimit" + kind, text, counting.Count, limit));
    }

    public static readonly BookingRefusal SlotFree =
        new(RefusalReason.SlotFree, "That slot is free: book it instead of waiting.");

    public static readonly BookingRefusal AlreadyWaiting =
        new(RefusalReason.AlreadyWaiting, "You are already on the waitlist of that slot.");

    public static readonly BookingRefusal AlreadyYours =
        new(RefusalReason.AlreadyYours, "You already hold that slot.");
}

/// <summary>The outcome of a transition: done, or refused with a <see cref="BookingRefusal"/>.</summary>
public readonly record struct BookingResult(BookingRefusal? Refusal)
{
    public static readonly BookingResult Ok = new(null);
    public bool IsOk => Refusal is null;
    public static implicit operator BookingResult(BookingRefusal refusal) => new(refusal);
}

/// <summary>The outcome of a transition that produces a value.</summary>
public readonly record struct BookingResult<T>(T? Value, BookingRefusal? Refusal)
{
    public bool IsOk => Refusal is null;
    public static implicit operator BookingResult<T>(T value) => new(value, null);
    public static implicit operator BookingResult<T>(BookingRefusal refusal) => new(default, refusal);
}
