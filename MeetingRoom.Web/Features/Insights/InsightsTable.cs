namespace MeetingRoom.Web.Features.Insights;

/// <summary>The tables of the report that <c>GET /api/admin/insights/export?table=</c> writes as CSV (the query value in brackets).</summary>
public enum InsightsTable
{
    /// <summary>"rooms": utilization per room.</summary>
    Rooms,
    /// <summary>"floors": utilization per floor.</summary>
    Floors,
    /// <summary>"heatmap": weekday × period.</summary>
    Heatmap,
    /// <summary>"opening-demand": per room and period.</summary>
    OpeningDemand,
    /// <summary>"openings": per opening instant.</summary>
    Openings,
    /// <summary>"capacity-fit": per room.</summary>
    CapacityFit,
}
