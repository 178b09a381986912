using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// One batch pushed to screens: the slots whose state changed, whether the rooms or the rules that lay out their slots
/// changed (a room registered, edited or deleted, the site settings saved: screens reload their snapshot), and the rooms
/// one of whose door displays was revoked (<paramref name="DoorDisplaysRevokedIn"/>: an open door page of such a room
/// checks its token again and goes blank if it was the one).
/// </summary>
public sealed record ScheduleUpdate(IReadOnlyList<ScheduleChange> Slots, bool RoomsChanged = false, IReadOnlyList<int>? DoorDisplaysRevokedIn = null);
