namespace MeetingRoom.Domain.Rooms;

/// <summary>The room was taken out of service (R3); its bookings are cancelled in the same transaction.</summary>
public sealed record RoomTakenOutOfService(int RoomId, string Reason, DateTimeOffset OccurredAt) : IRoomEvent;
