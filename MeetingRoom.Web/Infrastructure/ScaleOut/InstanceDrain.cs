using MeetingRoom.Web.Features.Schedule;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Infrastructure.ScaleOut;

/// <summary>
/// A rolling deploy's shutdown, in order (N4): on SIGTERM (<see cref="IHostApplicationLifetime.ApplicationStopping"/>)
/// the instance (1) turns not-ready (<c>/health/ready</c> answers 503 "draining") and answers every response with
/// <c>Connection: close</c>, so proxies open their next connection elsewhere; (2) tells its <c>/hubs/schedule</c>
/// clients <c>Reconnect</c> (they connect again through the load balancer, to another instance); (3) keeps serving
/// for <see cref="DrainOptions.DelaySeconds"/>; then the host stops the listener and lets in-flight requests finish
/// (<c>HostOptions.ShutdownTimeout</c>). Blazor circuits lose their connection then; their reconnect is refused by
/// the next instance and the page reloads there. Singleton hosted service and the "draining" readiness check.
/// </summary>
public sealed class InstanceDrain(IHostApplicationLifetime lifetime, IHubContext<ScheduleHub> hub, ScheduleHubConnections connections,
    IOptions<DrainOptions> options, ILogger<InstanceDrain> logger) : IHostedService, IHealthCheck
{
    public const string ReconnectMethod = "Reconnect";
    private CancellationTokenRegistration _registration;

    /// <summary>True from the moment the instance was asked to stop.</summary>
    public bool IsDraining { get; private set; }

    public Task StartAsync(CancellationToken ct)
    {
        _registration = lifetime.ApplicationStopping.Register(Drain);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        _registration.Dispose();
        return Task.CompletedTask;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(IsDraining ? HealthCheckResult.Unhealthy("Draining: this instance is shutting down.") : HealthCheckResult.Healthy());

    private void Drain()
    {
        IsDraining = true;
        var delay = TimeSpan.FromSeconds(Math.Max(0, options.Value.DelaySeconds));
        logger.LogInformation("Shutting down: not ready, telling {Clients} hub clients to reconnect, serving for {Delay} more.", connections.Count, delay);
        try
        {
            Task.WhenAll(connections.All.Select(id => hub.Clients.Client(id).SendAsync(ReconnectMethod)))
                .Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException e)
        {
            logger.LogDebug(e, "Some hub clients could not be told to reconnect.");
        }
        Thread.Sleep(delay); // the stopping callbacks hold the shutdown: the listener stays open meanwhile
    }
}
