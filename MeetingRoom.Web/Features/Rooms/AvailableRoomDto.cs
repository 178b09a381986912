using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Features.Rooms;

/// <summary>
/// A room free in a period (issue 25, "find a room now"): its name, floor, capacity and equipment, whether it needs approval,
/// the slot's state (Open or FreeAgain: bookable now; NotYetOpen: free, bookable from <see cref="OpensAt"/>, site-local ISO 8601).
/// </summary>
public sealed record AvailableRoomDto(int RoomId, string Name, int Floor, int Capacity, IReadOnlyList<string> Equipment,
    bool RequiresApproval, SlotStatus State, DateTimeOffset OpensAt);
