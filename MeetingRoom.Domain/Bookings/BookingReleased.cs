using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>A confirmed booking nobody checked in to was released (no-show); the rest of the period is free.</summary>
public sealed record BookingReleased(Guid BookingId, Slot Slot, MemberId BookedBy, DateTimeOffset OccurredAt) : ISlotEvent;
