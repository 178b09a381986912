using MeetingRoom.Domain.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace MeetingRoom.Web.Infrastructure.Http;

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
