namespace MeetingRoom.Web.Features.Bookings;

/// <summary><c>POST /api/waitlist</c> body: the slot to wait for (as for booking).</summary>
public sealed record JoinWaitlistRequest(int? RoomId, string? Date, string? Start);
