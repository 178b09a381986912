namespace MeetingRoom.Web.Features.Insights;

/// <summary>Booked period time ÷ bookable period time (timetable periods, out-of-service time excluded).</summary>
public sealed record UtilizationFigures(
    double BookedHours, double BookableHours, double? Rate,
    IReadOnlyList<RoomUtilization> Rooms, IReadOnlyList<FloorUtilization> Floors);
