using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Rooms;

/// <summary>An admin revoked a door display (D1): its URL shows nothing from now on, and an open door page goes blank.</summary>
public sealed record DoorDisplayRevoked(int DoorDisplayId, int RoomId, DateTimeOffset OccurredAt) : IRoomEvent;
