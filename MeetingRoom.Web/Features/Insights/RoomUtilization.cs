namespace MeetingRoom.Web.Features.Insights;

public sealed record RoomUtilization(int RoomId, string Name, int Floor, double BookedHours, double BookableHours, double? Rate);
