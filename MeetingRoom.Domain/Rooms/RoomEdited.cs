namespace MeetingRoom.Domain.Rooms;

/// <summary>A room's details (name, floor, capacity, equipment, approval) were edited (R2).</summary>
public sealed record RoomEdited(int RoomId, DateTimeOffset OccurredAt) : IRoomEvent;
