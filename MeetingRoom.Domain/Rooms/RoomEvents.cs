using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Rooms;

/// <summary>A room was registered (R1). Its id is not known until it is stored, so the event names it.</summary>
public sealed record RoomRegistered(string Name, int Floor, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A room's details (name, floor, capacity, equipment, approval) were edited (R2).</summary>
public sealed record RoomEdited(int RoomId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The room was taken out of service (R3); its bookings are cancelled in the same transaction.</summary>
public sealed record RoomTakenOutOfService(int RoomId, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The room is back in service (R3): its slots are bookable again.</summary>
public sealed record RoomReturnedToService(int RoomId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The room was deleted (R2); its bookings were cancelled first.</summary>
public sealed record RoomDeleted(int RoomId, DateTimeOffset OccurredAt) : IDomainEvent;
