namespace MeetingRoom.Web.Features.Series;

/// <summary>The answer of <c>POST /api/admin/series/preview</c>: every occurrence with its state, and how many can be booked and how many conflict.</summary>
public sealed record SeriesPreviewDto(IReadOnlyList<SeriesOccurrenceDto> Occurrences, int Free, int Conflicts, string Rrule);
