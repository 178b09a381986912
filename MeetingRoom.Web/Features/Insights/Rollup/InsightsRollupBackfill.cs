namespace MeetingRoom.Web.Features.Insights.Rollup;

/// <summary>
/// The roll-up's one-time backfill at start (<see cref="InsightsRollup.BackfillAsync"/>'s two steps). Once every hosted
/// service has started (so after the migrations), and before the host reports started, it looks for whole past days
/// the roll-up does not count (<see cref="InsightsRollup.StaleDaysAsync"/>: three queries, on a fresh or up-to-date
/// database nothing else); then it rolls them up in the background (the first start after an upgrade: the history).
/// Until that is done the report reads those days from the bookings (correct, slower). A failure is logged as a
/// Warning and leaves the same fallback. Hosted service.
/// </summary>
public sealed class InsightsRollupBackfill(IServiceProvider services, InsightsRollupProgress progress, ILogger<InsightsRollupBackfill> logger)
    : IHostedLifecycleService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _work = Task.CompletedTask;

    public async Task StartedAsync(CancellationToken ct)
    {
        try
        {
            var (stale, yesterday) = await InsightsRollup.StaleDaysAsync(services, ct);
            if (stale.Count == 0)
            {
                progress.Checked(yesterday);
                return;
            }
            _work = Task.Run(async () =>
            {
                try
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    await InsightsRollup.RollUpDaysAsync(services, stale, _stopping.Token);
                    progress.Checked(yesterday);
                    logger.LogInformation("Insights roll-up: {Days} days rolled up in {Seconds:F1} s.", stale.Count, watch.Elapsed.TotalSeconds);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested) { }
                catch (Exception e) { logger.LogWarning(e, "Insights roll-up backfill failed; the report reads the days it misses from the bookings."); }
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Insights roll-up backfill failed; the report reads the days it misses from the bookings.");
        }
    }

    public async Task StoppingAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        await _work.WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
