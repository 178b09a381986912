namespace MeetingRoom.Web.Features.Bookings;

/// <summary>Optional body of cancel and deny: why.</summary>
public sealed record ReasonRequest(string? Reason);
