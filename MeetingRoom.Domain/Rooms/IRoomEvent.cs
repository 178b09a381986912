using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Rooms;

/// <summary>
/// An event about one stored room as a whole (edited, out of service, back in service, deleted): every slot of the
/// room may look different after it. A registration is not one (the room has no id until it is stored).
/// </summary>
public interface IRoomEvent : IDomainEvent
{
    /// <summary>The room's id.</summary>
    int RoomId { get; }
}
