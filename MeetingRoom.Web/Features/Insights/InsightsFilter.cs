namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// What an insights report covers: site-local dates <see cref="From"/> to <see cref="To"/> inclusive, optionally one
/// floor and/or one room. Validated by <see cref="InsightsQuery"/> (from after to, over 2 years, unknown floor or room:
/// problems).
/// </summary>
public sealed record InsightsFilter(DateOnly From, DateOnly To, int? Floor = null, int? RoomId = null);
