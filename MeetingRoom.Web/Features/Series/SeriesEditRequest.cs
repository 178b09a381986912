namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// <c>PUT /api/admin/series/{id}</c> (issue 22): the scope ("occurrence" | "following" | "all"), the occurrence the scope starts from
/// (<c>fromDate</c>, site-local, required for "occurrence" and "following"), and what changes: the title, the booker (a member's id),
/// or both. A cancelled occurrence stays cancelled.
/// </summary>
public sealed record SeriesEditRequest(string? Scope, DateOnly? FromDate, string? Title = null, string? BookerId = null);
