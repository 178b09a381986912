using MeetingRoom.Domain.Series;

namespace MeetingRoom.Web.Features.Series.Components;

/// <summary>What the series' detail asks to cancel (issue 22): the scope, and the occurrence it starts from (site-local; null for all).</summary>
public sealed record SeriesCancelRequest(SeriesEditScope Scope, DateOnly? FromDate);
