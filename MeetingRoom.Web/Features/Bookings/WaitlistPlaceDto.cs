namespace MeetingRoom.Web.Features.Bookings;

/// <summary><c>POST /api/waitlist</c> answer: the place's id and the member's position in line (1 = next).</summary>
public sealed record WaitlistPlaceDto(long Id, int Position);
