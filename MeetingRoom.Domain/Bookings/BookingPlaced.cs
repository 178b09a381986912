using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>A member booked a slot; <paramref name="State"/> is Confirmed or PendingApproval.</summary>
public sealed record BookingPlaced(Guid BookingId, Slot Slot, MemberId BookedBy, string BookedByName, BookingState State, DateTimeOffset OccurredAt) : ISlotEvent;
