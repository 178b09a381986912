using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Web.Features.Series.Components;

/// <summary>
/// The series forms' reading of a service problem (issue 22): the message for a field they show next to it, and the messages
/// of the fields they do not show (or the problem's detail when it names no field), shown above their buttons.
/// </summary>
public static class SeriesFieldErrors
{
    /// <summary>The messages of <paramref name="problem"/> that name none of <paramref name="shownFields"/>, or its detail when it names no field.</summary>
    public static List<string> Others(AppProblem? problem, IReadOnlyCollection<string> shownFields) => problem is null ? []
        : problem.Errors is { Count: > 0 } errors ? errors.Where(e => !shownFields.Contains(e.Key)).SelectMany(e => e.Value).ToList()
        : [problem.Detail];
}
