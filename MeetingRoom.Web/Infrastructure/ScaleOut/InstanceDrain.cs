using MeetingRoom.Web.Features.Schedule;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Infrastructure.ScaleOut;

/// <summary>Configuration section "Drain": how an instance leaves a load balancer's pool on shutdown.</summary>
public sealed class DrainOptions
{
    public const string Section = "Drain";
    /// <summary>
    /// Seconds between turning not-ready and closing the listener (default 5): long enough for a load balancer that
    /// polls <c>/health/ready</c> to stop sending new requests. Requests keep being served meanwhile.
    /// </summary>
    public int DelaySeconds { get; set; } = 5;
}

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

/// <summary>Registers and uses <see cref="InstanceDrain"/>.</summary>
public static class InstanceDrainSetup
{
    public static void AddInstanceDrain(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DrainOptions>(builder.Configuration.GetSection(DrainOptions.Section));
        builder.Services.AddSingleton<InstanceDrain>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InstanceDrain>());
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("draining", sp => sp.GetRequiredService<InstanceDrain>(), null, ["ready"]));
    }

    /// <summary>While draining, every response closes its connection (proxies reconnect, to another instance).</summary>
    public static void UseInstanceDrain(this WebApplication app)
    {
        var drain = app.Services.GetRequiredService<InstanceDrain>();
        app.Use((http, next) =>
        {
            if (drain.IsDraining) http.Response.Headers.Connection = "close";
            return next(http);
        });
    }
}
