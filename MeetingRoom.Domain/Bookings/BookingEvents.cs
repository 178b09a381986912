using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>A member booked a slot; <paramref name="State"/> is Confirmed or PendingApproval.</summary>
public sealed record BookingPlaced(Guid BookingId, Slot Slot, MemberId BookedBy, string BookedByName, BookingState State, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>
/// The booking was cancelled: by its booker, or by someone else (<paramref name="ByAdmin"/>); <paramref name="Cause"/>
/// says why (a room taken out of service or deleted cancels its bookings).
/// </summary>
public sealed record BookingCancelled(Guid BookingId, Slot Slot, MemberId BookedBy, MemberId CancelledBy, bool ByAdmin, string? Reason, DateTimeOffset OccurredAt,
    CancellationCause Cause = CancellationCause.Booker) : IDomainEvent;

/// <summary>A confirmed booking nobody checked in to was released (no-show); the rest of the period is free.</summary>
public sealed record BookingReleased(Guid BookingId, Slot Slot, MemberId BookedBy, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The booker checked in (B3).</summary>
public sealed record MeetingStarted(Guid BookingId, Slot Slot, MemberId StartedBy, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The meeting ended; <paramref name="EndedEarly"/> means the rest of the period is free again (B4).</summary>
public sealed record MeetingEnded(Guid BookingId, Slot Slot, MemberId EndedBy, bool EndedEarly, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An admin approved a pending booking (B5).</summary>
public sealed record BookingApproved(Guid BookingId, Slot Slot, MemberId BookedBy, MemberId ApprovedBy, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An admin denied a pending booking, with a reason told to the member (B5).</summary>
public sealed record BookingDenied(Guid BookingId, Slot Slot, MemberId BookedBy, MemberId DeniedBy, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;
