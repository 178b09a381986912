using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>The slot freed and the member in line received booking <paramref name="BookingId"/> (in <paramref name="State"/>).</summary>
public sealed record WaitlistServed(long EntryId, Guid BookingId, Slot Slot, MemberId Member, BookingState State, DateTimeOffset OccurredAt) : ISlotEvent;
