using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace MeetingRoom.Web.Infrastructure.Http;

/// <summary>
/// Answers a request that failed because the database could not be reached or answered (connection refused, reset,
/// timed out, the server shutting down: any <see cref="DbException"/> that escaped the services, which already answer
/// the refusals they expect, such as a unique index) with <c>503</c> problem details of type
/// <c>urn:meetingroom:problem:database-unavailable</c> and <c>Retry-After</c> (<see cref="RetryAfterSeconds"/>), never
/// a 500. Nothing is written: the client may simply try again. The outbox dispatcher and the clock-driven services
/// retry on their own, so everything resumes when the database is back.
/// </summary>
public sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>The Retry-After answered, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!IsDatabaseFailure(exception) || http.Response.HasStarted) return false;
        logger.LogWarning("Database unavailable on {Method} {Path}: {Error}", http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
        var problem = new AppProblem(ProblemCodes.DatabaseUnavailable, StatusCodes.Status503ServiceUnavailable, ProblemText.Get("TitleDatabaseUnavailable"),
            ProblemText.Get("DatabaseUnavailable", RetryAfterSeconds),
            RetryAfter: TimeSpan.FromSeconds(RetryAfterSeconds));
        await problem.ToHttp().ExecuteAsync(http); // the same writer as every endpoint's problems (Retry-After included)
        return true;
    }

    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions is a database or network failure.</summary>
    public static bool IsDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException or System.Net.Sockets.SocketException or TimeoutException) return true;
        return false;
    }
}
