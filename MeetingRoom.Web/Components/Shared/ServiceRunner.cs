using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>
/// Runs one application-service call for a component in its own DI scope, so each operation gets
/// a fresh DbContext (a Blazor circuit lives for minutes or hours and must not hold one).
/// Singleton; thread-safe.
/// </summary>
public sealed class ServiceRunner(IServiceScopeFactory scopes)
{
    /// <summary>How many times a call answered with too-many-requests is retried, and the first back-off.</summary>
    public const int MaxRetries = 3;
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(400);

    /// <summary>Resolves <typeparamref name="TService"/> in a new scope, runs <paramref name="work"/>, disposes the scope.</summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// As <see cref="RunAsync{TService,T}"/>, but a problem with code <c>too-many-requests</c> (overload
    /// protection) is retried up to <see cref="MaxRetries"/> times with doubling back-off;
    /// <paramref name="onBusy"/> is told before each retry (attempt 1, 2, …) so the UI can say
    /// "Busy — retrying…". The last answer is returned, problem or not.
    /// </summary>
    public async Task<AppResult<T>> RunWithRetryAsync<TService, T>(Func<TService, Task<AppResult<T>>> work,
        Func<int, Task>? onBusy = null, CancellationToken ct = default) where TService : notnull
    {
        var backoff = FirstBackoff;
        for (var attempt = 0; ; attempt++)
        {
            var result = await RunAsync(work);
            if (result.Problem?.Code != ProblemCodes.TooManyRequests || attempt >= MaxRetries) return result;
            if (onBusy is not null) await onBusy(attempt + 1);
            await Task.Delay(backoff, ct);
            backoff *= 2;
        }
    }
}

/// <summary>Return-URL checks for the sign-in pages: only site-relative paths, never another host.</summary>
public static class LocalUrl
{
    /// <summary>True for "/path…" but not "//host" or "/\host".</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
