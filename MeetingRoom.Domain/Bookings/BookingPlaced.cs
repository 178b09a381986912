using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>
/// A member booked a slot; <paramref name="State"/> is Confirmed or PendingApproval. An occurrence of a series (issue 22) names
/// it (<paramref name="SeriesId"/>) and shows <paramref name="Title"/> where a booking shows its booker's name.
/// </summary>
public sealed record BookingPlaced(Guid BookingId, Slot Slot, MemberId BookedBy, string BookedByName, BookingState State, DateTimeOffset OccurredAt,
    Guid? SeriesId = null, string? Title = null) : ISlotEvent;
