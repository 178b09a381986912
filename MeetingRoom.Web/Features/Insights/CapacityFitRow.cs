namespace MeetingRoom.Web.Features.Insights;

/// <summary>Per room: bookings that gave an attendee count, their median, and median ÷ capacity (low: the room is too big for its meetings).</summary>
public sealed record CapacityFitRow(int RoomId, string Name, int Floor, int Capacity, int BookingsWithAttendees, double? MedianAttendees, double? Fit);
