using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>An admin denied a pending booking, with a reason told to the member (B5).</summary>
public sealed record BookingDenied(Guid BookingId, Slot Slot, MemberId BookedBy, MemberId DeniedBy, string Reason, DateTimeOffset OccurredAt) : ISlotEvent;
