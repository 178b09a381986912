using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>
/// The booking was cancelled: by its booker, or by someone else (<paramref name="ByAdmin"/>); <paramref name="Cause"/>
/// says why (a room taken out of service or deleted cancels its bookings).
/// </summary>
public sealed record BookingCancelled(Guid BookingId, Slot Slot, MemberId BookedBy, MemberId CancelledBy, bool ByAdmin, string? Reason, DateTimeOffset OccurredAt,
    CancellationCause Cause = CancellationCause.Booker) : ISlotEvent;
