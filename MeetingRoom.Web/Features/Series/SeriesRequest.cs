namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// <c>POST /api/admin/series/preview</c> and <c>POST /api/admin/series</c> (issue 22): the room, the period by its start
/// ("HH:mm", site-local, a period of the timetable), the first date (site-local; the first occurrence), the title, the rule, the booker
/// (a member's <c>id</c> from <c>GET /api/admin/members</c>; default: the admin) and whether to skip the occurrences that cannot be
/// booked (otherwise saving is refused while any occurrence conflicts).
/// </summary>
public sealed record SeriesRequest(int RoomId, string? Start, DateOnly FirstDate, string? Title, SeriesRuleDto? Rule, string? BookerId = null,
    bool SkipConflicts = false);
