namespace MeetingRoom.Web.Features.Insights;

/// <summary>The demand at the openings: per room and period, and per opening instant.</summary>
public sealed record OpeningDemandFigures(IReadOnlyList<OpeningDemandByRoomPeriod> ByRoomPeriod, IReadOnlyList<OpeningFill> Openings);
