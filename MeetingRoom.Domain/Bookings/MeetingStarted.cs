using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>The booker checked in (B3).</summary>
public sealed record MeetingStarted(Guid BookingId, Slot Slot, MemberId StartedBy, DateTimeOffset OccurredAt) : ISlotEvent;
