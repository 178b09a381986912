namespace MeetingRoom.Domain.Rooms;

/// <summary>The room is back in service (R3): its slots are bookable again.</summary>
public sealed record RoomReturnedToService(int RoomId, DateTimeOffset OccurredAt) : IRoomEvent;
