namespace MeetingRoom.Web.Features.Bookings;

/// <summary><c>POST /api/bookings</c> body: a room, a site-local date (YYYY-MM-DD) and a period start (HH:mm).</summary>
public sealed record BookRequest(int? RoomId, string? Date, string? Start);
