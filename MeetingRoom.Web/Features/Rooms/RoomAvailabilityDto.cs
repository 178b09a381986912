namespace MeetingRoom.Web.Features.Rooms;

/// <summary>
/// The free rooms of one period (issue 25): its site-local date and times ("HH:mm"), whether it is under way at the instant asked
/// about, and its free rooms by fit (the smallest that holds the people asked for, then the lowest floor, then the name).
/// </summary>
public sealed record RoomAvailabilityDto(DateOnly Date, string Start, string End, bool UnderWay, IReadOnlyList<AvailableRoomDto> Rooms);
