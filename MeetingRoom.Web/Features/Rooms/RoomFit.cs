using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Features.Rooms;

/// <summary>
/// What "find a room now" (issue 25) calls free and how it orders rooms, shared by the API (<see cref="RoomFinder"/>) and the
/// Now view of the Book page, so both list the same rooms in the same order.
/// </summary>
public static class RoomFit
{
    /// <summary>A slot a member can have: open, free again (released or ended early), or opening later (bookable at its opening).</summary>
    public static bool IsFree(SlotStatus state) => state is SlotStatus.Open or SlotStatus.FreeAgain or SlotStatus.NotYetOpen;

    /// <summary>
    /// Best fit first: the smallest room that holds the people (callers have already dropped rooms too small), then the lowest
    /// floor, then the name in the current culture's order.
    /// </summary>
    public static IOrderedEnumerable<T> Order<T>(IEnumerable<T> rooms, Func<T, int> capacity, Func<T, int> floor, Func<T, string> name) =>
        rooms.OrderBy(capacity).ThenBy(floor).ThenBy(name, StringComparer.CurrentCulture);
}
