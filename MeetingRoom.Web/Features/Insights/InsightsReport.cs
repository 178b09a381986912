namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// The figures of <c>GET /api/admin/insights</c> and <c>/admin/insights</c> (issue 23) for <see cref="Filter"/>.
/// Hours are period hours; rates are 0–1 and null when there is nothing to divide by (the page shows an empty state,
/// never a zero that looks like data). Dates and period starts are site-local (<see cref="TimeZone"/>, IANA).
/// </summary>
public sealed record InsightsReport(
    InsightsFilter Filter,
    string TimeZone,
    UtilizationFigures Utilization,
    double? CheckInRate,
    double? NoShowRate,
    double ReleasedHours,
    double RebookedHours,
    IReadOnlyList<HeatmapCell> Heatmap,
    OpeningDemandFigures OpeningDemand,
    IReadOnlyList<CapacityFitRow> CapacityFit)
{
    /// <summary>True when the range holds no bookable period time at all (nothing to show).</summary>
    public bool IsEmpty => Utilization.BookableHours <= 0;
}
