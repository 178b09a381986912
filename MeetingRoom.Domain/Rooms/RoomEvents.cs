using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Rooms;

/// <summary>The room was taken out of service (R3); its bookings are cancelled in the same transaction.</summary>
public sealed record RoomTakenOutOfService(int RoomId, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The room is back in service (R3): its slots are bookable again.</summary>
public sealed record RoomReturnedToService(int RoomId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The room was deleted (R2); its bookings were cancelled first.</summary>
public sealed record RoomDeleted(int RoomId, DateTimeOffset OccurredAt) : IDomainEvent;
