using MeetingRoom.Domain.Series;

namespace MeetingRoom.Web.Features.Series;

/// <summary>A line of <c>GET /api/admin/series</c>: a series without its occurrences, with how many are still upcoming.</summary>
public sealed record SeriesSummaryDto(Guid Id, int RoomId, string RoomName, string Start, string End, DateOnly FirstDate, DateOnly LastDate,
    string Title, string Rrule, string BookerId, string BookerName, SeriesState State, int Upcoming);
