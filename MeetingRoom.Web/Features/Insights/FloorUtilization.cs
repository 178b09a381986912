namespace MeetingRoom.Web.Features.Insights;

public sealed record FloorUtilization(int Floor, double BookedHours, double BookableHours, double? Rate);
