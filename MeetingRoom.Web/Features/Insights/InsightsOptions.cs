namespace MeetingRoom.Web.Features.Insights;

/// <summary>Configuration section "Insights" (issue 23): how the opening demand is recorded.</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>
    /// Seconds between two writes of the opening demand counted in memory (<see cref="OpeningDemandFlusher"/>; default 5,
    /// at least 1). What is counted since the last write is lost if the process crashes.
    /// </summary>
    public int DemandFlushSeconds { get; set; } = 5;

    public TimeSpan DemandFlushInterval => TimeSpan.FromSeconds(Math.Clamp(DemandFlushSeconds, 1, 3600));
}
