using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>A member left the waitlist of a slot.</summary>
public sealed record WaitlistLeft(long EntryId, Slot Slot, MemberId Member, DateTimeOffset OccurredAt) : ISlotEvent;
