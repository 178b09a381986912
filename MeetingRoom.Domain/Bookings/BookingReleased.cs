using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>
/// A confirmed booking nobody checked in to was released (no-show); the rest of the period is free. <paramref name="SeriesId"/>
/// names the series the booking is an occurrence of (issue 22), so the no-show strikes need not read the booking (null: not an
/// occurrence, or a message written before the field existed).
/// </summary>
public sealed record BookingReleased(Guid BookingId, Slot Slot, MemberId BookedBy, DateTimeOffset OccurredAt, Guid? SeriesId = null) : ISlotEvent;
