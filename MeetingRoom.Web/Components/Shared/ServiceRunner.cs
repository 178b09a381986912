using MeetingRoom.Web.Infrastructure.Http;
using Polly;
using Polly.Retry;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>
/// Runs one application-service call for a component in its own DI scope, so each operation gets
/// a fresh DbContext (a Blazor circuit lives for minutes or hours and must not hold one).
/// Singleton; thread-safe. Retries wait on <paramref name="clock"/>.
/// </summary>
public sealed class ServiceRunner(IServiceScopeFactory scopes, TimeProvider clock)
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
    /// protection) is retried up to <see cref="MaxRetries"/> times with doubling back-off from <see cref="FirstBackoff"/>
    /// (no jitter; a Polly retry pipeline from Microsoft.Extensions.Resilience, its delays on the injected clock);
    /// <paramref name="onBusy"/> is told before each retry (attempt 1, 2, …) so the UI can say
    /// "Busy — retrying…". The last answer is returned, problem or not.
    /// </summary>
    public async Task<AppResult<T>> RunWithRetryAsync<TService, T>(Func<TService, Task<AppResult<T>>> work,
        Func<int, Task>? onBusy = null, CancellationToken ct = default) where TService : notnull
    {
        var retry = new ResiliencePipelineBuilder<AppResult<T>> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<AppResult<T>>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result.Problem?.Code == ProblemCodes.TooManyRequests),
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = FirstBackoff,
                OnRetry = args => onBusy is null ? default : new ValueTask(onBusy(args.AttemptNumber + 1)), // before the wait
            })
            .Build();
        return await retry.ExecuteAsync(async _ => await RunAsync(work), ct);
    }
}
