using System.Diagnostics;
using MeetingRoom.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MeetingRoom.Web.Infrastructure.Http;

/// <summary>Writes <see cref="AppProblem"/>s as RFC 7807 problem details.</summary>
public static class ProblemResults
{
    public static IResult ToHttp(this AppProblem problem)
    {
        var extensions = new Dictionary<string, object?>();
        if (problem.Errors is not null) extensions["errors"] = problem.Errors;
        if (problem.OpensAt is not null) extensions["opensAt"] = problem.OpensAt;
        if (problem.RetryAfter is { } retry) extensions["retryAfterSeconds"] = (int)Math.Ceiling(retry.TotalSeconds);
        foreach (var (key, value) in problem.Extensions ?? new Dictionary<string, object?>()) extensions[key] = value;
        var result = TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title,
            type: problem.Type, extensions: extensions);
        return problem.RetryAfter is { } after ? new WithRetryAfter(result, after) : result;
    }

    /// <summary>A problem result that also sets the <c>Retry-After</c> header (whole seconds).</summary>
    private sealed class WithRetryAfter(IResult inner, TimeSpan after) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(http);
        }
    }

    /// <summary>Maps a service result: the value through <paramref name="ok"/>, a problem to problem details.</summary>
    public static IResult ToHttp<T>(this AppResult<T> result, Func<T, IResult> ok) =>
        result.IsOk ? ok(result.Value!) : result.Problem!.ToHttp();

    /// <summary>
    /// Gives problems the framework writes by itself (401 from a challenge, 404 for no route, 400 for
    /// unreadable JSON, 500) our stable <c>type</c>s and a trace id.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var ours = problem.Type is not null && problem.Type.StartsWith(AppProblem.TypePrefix, StringComparison.Ordinal) && problem.Title is not null;
        if (problem.Type is null || !problem.Type.StartsWith(AppProblem.TypePrefix, StringComparison.Ordinal))
            problem.Type = AppProblem.TypePrefix + ProblemCodes.ForStatus(status);
        if (!ours && ProblemText.Has("Status" + status)) problem.Title = ProblemText.Get("Status" + status); // the framework's own English title
        if (status == 400 && problem.Detail is null)
            problem.Detail = ProblemText.Get("RequestUnreadable");
        if (!ours && status == 401 && problem.Detail is "Failed" or "LockedOut" or "NotAllowed") // Identity's sign-in result names
            problem.Detail = ProblemText.Get("SignInFailed");
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    }
}
