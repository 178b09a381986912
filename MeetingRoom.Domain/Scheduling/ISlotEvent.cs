using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Scheduling;

/// <summary>
/// An event about one slot (a booking's or a waitlist's): the slot says which room, site-local date and period it
/// changed, so the schedule read model, the live push and the held-slot set find it without knowing the event's type.
/// </summary>
public interface ISlotEvent : IDomainEvent
{
    /// <summary>The slot the event changed (room, site-local date, period; its instants in UTC).</summary>
    Slot Slot { get; }
}
