namespace MeetingRoom.Web.Features.Insights;

/// <summary>One cell of the weekday × period heatmap (<see cref="Weekday"/>: ISO 1 = Monday … 7 = Sunday).</summary>
public sealed record HeatmapCell(int Weekday, TimeOnly PeriodStart, double BookedHours, double BookableHours, double? Rate);
