namespace MeetingRoom.Web.Infrastructure.Observability;

/// <summary>
/// Configuration section "Observability". OpenTelemetry export itself is configured by the standard variables
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>): no endpoint, no export.
/// </summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Serve metrics for Prometheus at <c>/metrics</c> (default false).</summary>
    public bool Prometheus { get; set; }

    /// <summary>
    /// The networks (CIDR, e.g. <c>10.0.0.0/8</c>) whose requests may read <c>/metrics</c>; others get 404.
    /// Default: loopback only (<c>127.0.0.0/8</c>, <c>::1/128</c>); a configured list replaces it. The client is the one
    /// the forwarded-headers middleware gives (behind a trusted proxy, the <c>X-Forwarded-For</c> client; see
    /// <see cref="MetricsNetworks"/>). An entry that is not CIDR stops the start.
    /// </summary>
    public string[] MetricsNetworks { get; set; } = ["127.0.0.0/8", "::1/128"];
}
