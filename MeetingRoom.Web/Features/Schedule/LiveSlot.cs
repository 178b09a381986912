using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// What <see cref="LiveScheduleGrid"/> gives a page's cell template: the room, the cell as shown now (the
/// latest push over the snapshot), the shown site-local <paramref name="Day"/>, <paramref name="Now"/> (UTC),
/// whether the cell's period runs now, and whether the cell is among the next opening's.
/// </summary>
public sealed record LiveSlot(ScheduleRoomDto Room, ScheduleCellDto Cell, DateOnly Day, DateTimeOffset Now, bool IsCurrent, bool IsNextOpening);
