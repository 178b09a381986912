using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>The meeting ended; <paramref name="EndedEarly"/> means the rest of the period is free again (B4).</summary>
public sealed record MeetingEnded(Guid BookingId, Slot Slot, MemberId EndedBy, bool EndedEarly, DateTimeOffset OccurredAt) : ISlotEvent;
