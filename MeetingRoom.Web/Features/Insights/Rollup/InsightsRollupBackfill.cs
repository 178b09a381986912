namespace MeetingRoom.Web.Features.Insights.Rollup;

/// <summary>
/// Runs <see cref="InsightsRollup.BackfillAsync"/> once, in the background, when the app has started (after the
/// migrations): the first start after an upgrade rolls up the history; later starts find (almost) nothing to do. Until
/// it is done the report reads the days it has not reached from the bookings (correct, slower). A failure is logged as a
/// Warning and leaves the same fallback. Hosted service.
/// </summary>
public sealed class InsightsRollupBackfill(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<InsightsRollupBackfill> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try { await started.Task; }
            catch (OperationCanceledException) { return; }
        }
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var days = await InsightsRollup.BackfillAsync(services, stoppingToken);
            if (days > 0) logger.LogInformation("Insights roll-up: {Days} days rolled up in {Seconds:F1} s.", days, watch.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception e)
        {
            logger.LogWarning(e, "Insights roll-up backfill failed; the report reads the days it misses from the bookings.");
        }
    }
}
