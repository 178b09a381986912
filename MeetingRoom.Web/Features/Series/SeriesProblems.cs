using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Series;
using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// The problems of the series API (issue 22) that no domain refusal gives, worded in the current UI culture (ProblemText):
/// <c>unknown-series</c> (404), <c>series-conflicts</c> (409, with the <c>occurrences</c> that cannot be booked), <c>conflict</c>
/// (409, the occurrences changed meanwhile), and the parsing of an edit scope and its date (400 <c>invalid-input</c> on
/// <c>scope</c> or <c>fromDate</c>).
/// </summary>
public static class SeriesProblems
{
    /// <summary>No series has the id (404 unknown-series).</summary>
    public static AppProblem UnknownSeries() =>
        new(ProblemCodes.UnknownSeries, 404, ProblemText.Get("TitleUnknownSeries"), ProblemText.Get("UnknownSeries"));

    /// <summary>
    /// Saving is refused (409 series-conflicts): <paramref name="conflicting"/> of the <paramref name="total"/> occurrences cannot be
    /// booked and <c>skipConflicts</c> was not set, or none can be booked at all. <c>occurrences</c> lists the conflicting ones.
    /// </summary>
    public static AppProblem Conflicts(IReadOnlyList<SeriesOccurrenceDto> conflicting, int total) =>
        new(ProblemCodes.SeriesConflicts, 409, ProblemText.Get("TitleSeriesConflicts"),
            conflicting.Count >= total ? ProblemText.Get("SeriesNothingFree", total) : ProblemText.Get("SeriesConflicts", conflicting.Count, total),
            Extensions: new Dictionary<string, object?> { ["occurrences"] = conflicting });

    /// <summary>The slots kept being taken while saving, attempt after attempt (409 conflict): preview again and retry.</summary>
    public static AppProblem KeptChanging() =>
        AppProblem.Conflict(ProblemCodes.Conflict, ProblemText.Get("TitleConflict"), ProblemText.Get("SeriesKeptChanging"));

    /// <summary>An occurrence changed while an edit or a cancel was saved (409 conflict): reload and retry.</summary>
    public static AppProblem ChangedMeanwhile() =>
        AppProblem.Conflict(ProblemCodes.Conflict, ProblemText.Get("TitleConflict"), ProblemText.Get("SeriesChangedMeanwhile"));

    /// <summary>
    /// The scope of an edit or cancel: "occurrence", "following" or "all" (any case). Problem: invalid-input on <c>scope</c>.
    /// </summary>
    public static AppResult<SeriesEditScope> ParseScope(string? scope) =>
        Enum.TryParse<SeriesEditScope>(scope?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(scope, out _)
            ? parsed
            : AppProblem.Invalid("scope", ProblemText.Of(new DomainMessage("SeriesScopeUnknown", "The scope is occurrence, following or all.")));

    /// <summary>
    /// Checks the date an edit or cancel of <paramref name="scope"/> starts from: required for occurrence and following, and one of
    /// <paramref name="series"/>' dates (for all, ignored). Problem: invalid-input on <c>fromDate</c>.
    /// </summary>
    public static AppProblem? FromDateProblem(BookingSeries series, SeriesEditScope scope, DateOnly? fromDate)
    {
        if (scope is SeriesEditScope.All) return null;
        if (fromDate is not { } date)
            return AppProblem.Invalid("fromDate", ProblemText.Of(new DomainMessage("SeriesFromDateRequired", "Give the date of the occurrence the change starts from.")));
        if (!series.HasOccurrenceOn(date))
            return AppProblem.Invalid("fromDate", ProblemText.Of(new DomainMessage("SeriesFromDateNotAnOccurrence",
                $"{date:yyyy-MM-dd} is not a date of this series.", date)));
        return null;
    }
}
