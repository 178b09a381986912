using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>A member joined the waitlist of a slot.</summary>
public sealed record WaitlistJoined(Slot Slot, MemberId Member, DateTimeOffset OccurredAt) : ISlotEvent;
