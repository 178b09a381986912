using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// Readiness of this instance's <see cref="ChangeFeed"/> (tag "ready", so <c>/health/ready</c>): unhealthy while the
/// feed is stopped at an outbox row whose event type this build does not know (issue 21 item 5: stopped loudly,
/// never skipped). Singleton.
/// </summary>
public sealed class ChangeFeedHealth : IHealthCheck
{
    private volatile string? _stoppedAt;

    /// <summary>The feed stopped before outbox row <paramref name="id"/> of the unknown type <paramref name="type"/>.</summary>
    public void Stopped(long id, string type) => _stoppedAt = $"The change feed is stopped at outbox row {id}: unknown event type '{type}'.";

    /// <summary>The feed moves again.</summary>
    public void Running() => _stoppedAt = null;

    public bool IsStopped => _stoppedAt is not null;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(_stoppedAt is { } why ? HealthCheckResult.Unhealthy(why) : HealthCheckResult.Healthy());
}
