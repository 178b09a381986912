using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>
/// A place left the waitlist of a slot: the member left it, or an admin removed it (<paramref name="Cause"/>; events stored
/// before the cause existed read as <see cref="WaitlistLeaveCause.MemberLeft"/>).
/// </summary>
public sealed record WaitlistLeft(long EntryId, Slot Slot, MemberId Member, DateTimeOffset OccurredAt,
    WaitlistLeaveCause Cause = WaitlistLeaveCause.MemberLeft) : ISlotEvent;
