using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Rooms;

/// <summary>A room was registered (R1). Its id is not known until it is stored, so the event names it.</summary>
public sealed record RoomRegistered(string Name, int Floor, DateTimeOffset OccurredAt) : IDomainEvent;
