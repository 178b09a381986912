using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>Reads a problem's field errors for a form (RFC 7807 <c>errors</c>, keys in camelCase).</summary>
public static class ProblemErrors
{
    /// <summary>The first message for <paramref name="field"/> (camelCase) in a problem's errors, or null.</summary>
    public static string? ErrorFor(this AppProblem? problem, string field) =>
        problem?.Errors is { } errors && errors.TryGetValue(field, out var messages) && messages.Length > 0
            ? string.Join(" ", messages) : null;
}
