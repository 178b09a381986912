namespace MeetingRoom.Web.Infrastructure;

/// <summary>
/// A background service driven by <see cref="TimeProvider"/>: it runs a pass, then sleeps until the
/// instant the pass says something next falls due (at most <see cref="MaxSleep"/>, so rule changes are
/// picked up), and after a failure tries again 5 seconds later. Passes evaluate stored state, so a late
/// or missed wake-up only delays work, never loses it.
/// </summary>
public abstract class ClockDrivenService(TimeProvider clock, ILogger logger) : BackgroundService
{
    public static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    protected TimeProvider Clock { get; } = clock;

    /// <summary>Does what is due now; returns the next instant something falls due, if known.</summary>
    public abstract Task<DateTimeOffset?> RunOnceAsync(CancellationToken ct = default);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SleepUntilAsync(await RunOnceAsync(stoppingToken), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "{Service} pass failed; trying again shortly.", GetType().Name);
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>
    /// Sleeps on the clock until <paramref name="next"/> (or <see cref="MaxSleep"/>), rounded up to whole
    /// milliseconds: <c>Task.Delay</c> counts milliseconds, and a sub-millisecond wait would return at
    /// once and make the loop spin.
    /// </summary>
    private Task SleepUntilAsync(DateTimeOffset? next, CancellationToken ct)
    {
        var wait = next is { } n ? n - Clock.GetUtcNow() : MaxSleep;
        if (wait > MaxSleep) wait = MaxSleep;
        return Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, (long)Math.Ceiling(wait.TotalMilliseconds))), Clock, ct);
    }
}
