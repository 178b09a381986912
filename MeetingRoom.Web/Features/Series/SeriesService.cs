using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Series;
using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// Series for admins (issue 22): preview, create, list, read, edit and cancel by scope. Scoped (the request's database context).
/// Every method is admin-only (AdminOnly otherwise) and answers with a problem, never an exception, for bad input: unknown-room,
/// unknown-member, unknown-period (a start that is not a period of the timetable), unknown-series, invalid-input on the field at
/// fault (the rule's, <c>title</c>, <c>scope</c>, <c>fromDate</c> — a date that is not an occurrence), and for saving without
/// <c>skipConflicts</c> while an occurrence conflicts.
/// </summary>
public sealed class SeriesService
{
    /// <summary>Every occurrence of the series <paramref name="request"/> describes, with its state now; nothing is written.</summary>
    public Task<AppResult<SeriesPreviewDto>> PreviewAsync(Actor admin, SeriesRequest request, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// Saves the series and books all its free occurrences at once, in one transaction, under the same database rules as any booking
    /// (the unique slot index decides: a member booking that lands first wins and its occurrence is reported as
    /// <see cref="OccurrenceState.Booked"/>).
    /// </summary>
    public Task<AppResult<SeriesDto>> CreateAsync(Actor admin, SeriesRequest request, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Every series, newest first.</summary>
    public Task<AppResult<IReadOnlyList<SeriesSummaryDto>>> ListAsync(Actor admin, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>One series with its occurrences. Problem: unknown-series.</summary>
    public Task<AppResult<SeriesDto>> GetAsync(Actor admin, Guid id, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Changes the title and/or booker of the occurrences in the request's scope (and of the series itself for "all").</summary>
    public Task<AppResult<SeriesDto>> EditAsync(Actor admin, Guid id, SeriesEditRequest request, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// Cancels the occurrences in <paramref name="scope"/> from <paramref name="fromDate"/> (required unless the scope is all): their slots are freed and pushed like
    /// any cancel; for all, the series is cancelled too.
    /// </summary>
    public Task<AppResult<SeriesDto>> CancelAsync(Actor admin, Guid id, SeriesEditScope scope, DateOnly? fromDate, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
