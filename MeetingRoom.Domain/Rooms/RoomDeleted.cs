namespace MeetingRoom.Domain.Rooms;

/// <summary>The room was deleted (R2); its bookings were cancelled first.</summary>
public sealed record RoomDeleted(int RoomId, DateTimeOffset OccurredAt) : IRoomEvent;
