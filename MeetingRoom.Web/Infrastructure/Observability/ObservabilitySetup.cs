using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MeetingRoom.Web.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry for the app (issue 24): traces, metrics and logs exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard variables name the service and its resource), and
/// metrics for Prometheus at <c>/metrics</c> when <c>Observability:Prometheus</c> is true. With neither, nothing is
/// registered: no listener, so no cost on the booking path.
/// </summary>
public static class ObservabilitySetup
{
    /// <summary>The meters an operator's dashboard reads, beside our own.</summary>
    public static readonly string[] Meters =
    [
        MeetingRoomMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "System.Runtime",
    ];

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.Configure<ObservabilityOptions>(config.GetSection(ObservabilityOptions.Section));
        services.AddSingleton<MeetingRoomMetrics>();

        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = config.GetValue<bool>($"{ObservabilityOptions.Section}:{nameof(ObservabilityOptions.Prometheus)}");
        if (!otlp && !prometheus)
            return;

        var instance = InstanceName(config);
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("meetingroom", serviceInstanceId: instance));
        otel.WithMetrics(m =>
        {
            m.AddMeter(Meters);
            if (prometheus)
                m.AddPrometheusExporter();
        });
        if (otlp)
        {
            otel.WithTracing(t => t
                .AddSource(MeetingRoomTracing.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource("Npgsql")); // Npgsql's own ActivitySource (what Npgsql.OpenTelemetry's AddNpgsql() registers)
            otel.UseOtlpExporter();
        }
    }

    /// <summary>The path Prometheus scrapes.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Maps <see cref="MetricsPath"/> when Prometheus is on (otherwise it is an unknown address like any other). Only
    /// clients in <c>Observability:MetricsNetworks</c> (<see cref="MetricsNetworks"/>) read it; others get the 404 of an
    /// unknown address. The endpoint needs no authentication, antiforgery or rate limit (none applies to it).
    /// </summary>
    /// <exception cref="InvalidOperationException">a network of <c>Observability:MetricsNetworks</c> is not valid CIDR: the app does not start.</exception>
    public static void UseObservability(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>($"{ObservabilityOptions.Section}:{nameof(ObservabilityOptions.Prometheus)}"))
            return;
        var networks = MetricsNetworks.From(app.Configuration);
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use((http, next) =>
        {
            if (networks.Allows(http.Connection.RemoteIpAddress)) return next(http);
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }), optionsName: null);
    }

    /// <summary><c>Observability:InstanceName</c>, else the machine name and process id.</summary>
    public static string InstanceName(IConfiguration config) =>
        config[$"{ObservabilityOptions.Section}:{nameof(ObservabilityOptions.InstanceName)}"] is { Length: > 0 } name
            ? name
            : $"{Environment.MachineName}-{Environment.ProcessId}";
}
