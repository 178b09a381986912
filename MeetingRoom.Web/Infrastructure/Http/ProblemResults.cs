using Microsoft.AspNetCore.Antiforgery;
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

/// <summary>
/// The last line of defence for bad input: a <see cref="DomainValidationException"/>, a
/// <see cref="BadHttpRequestException"/>, or any failure of a form post the antiforgery middleware found invalid, that reaches
/// the pipeline becomes a 400 problem, never a 500.
/// </summary>
public sealed class BadInputExceptionHandler(ILogger<BadInputExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        AppProblem? problem = exception switch
        {
            DomainValidationException e => AppProblem.From(e),
            BadHttpRequestException e => new AppProblem(ProblemCodes.ForStatus(e.StatusCode), e.StatusCode,
                ProblemText.Get("TitleBadRequest"),
                ProblemText.Has("BadRequest" + e.StatusCode) ? ProblemText.Get("BadRequest" + e.StatusCode) : ProblemText.Get("RequestUnreadable")),
            // A form post whose antiforgery token is missing or stale fails as whatever reads the form first (minimal API form
            // binding throws InvalidOperationException, dotnet/aspnetcore#58441): the antiforgery middleware's verdict says why.
            _ when http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } =>
                new AppProblem(ProblemCodes.InvalidInput, StatusCodes.Status400BadRequest, ProblemText.Get("TitleBadRequest"), ProblemText.Get("RequestUnreadable")),
            _ => null,
        };
        if (problem is null) return false;
        // A client's mistake, not a failure of the app: no stack trace at error level.
        logger.LogInformation("Client error {Status} on {Method} {Path}: {Detail}", problem.Status, http.Request.Method, http.Request.Path, problem.Detail);
        // The same mapping as every other problem (ToHttp): same fields, same extensions, same trace id.
        await problem.ToHttp().ExecuteAsync(http);
        return true;
    }
}
