using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>An admin approved a pending booking (B5).</summary>
public sealed record BookingApproved(Guid BookingId, Slot Slot, MemberId BookedBy, MemberId ApprovedBy, DateTimeOffset OccurredAt) : ISlotEvent;
