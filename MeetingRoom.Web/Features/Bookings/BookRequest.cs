namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// <c>POST /api/bookings</c> body: a room, a site-local date (YYYY-MM-DD) and a period start (HH:mm), and optionally how
/// many people are expected (<c>attendees</c>: 1 to the room's capacity × 3, or absent).
/// </summary>
public sealed record BookRequest(int? RoomId, string? Date, string? Start, int? Attendees = null);
