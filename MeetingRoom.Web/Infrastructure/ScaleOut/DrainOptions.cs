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
