using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MeetingRoom.Web.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry for the app (issue 24): traces, metrics and logs exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard variables name the service and its resource), and
/// metrics for Prometheus at <c>/metrics</c> when <c>Observability:Prometheus</c> is true. With neither, nothing is
/// registered: no listener, so no cost on the booking path.
/// <para>
/// Traces (OTLP on): ASP.NET Core requests, HttpClient calls, Npgsql's commands (<c>AddNpgsql</c>: PostgreSQL only;
/// SQLite has no instrumentation, and EF Core's instrumentation is a beta we leave out) and our
/// <see cref="MeetingRoomTracing.Source"/> (the outbox handlers and pushes, joined to the request's trace through
/// the context stored with each outbox row: <see cref="Outbox.OutboxTracing"/>). Logs go out over OTLP too, with
/// the trace and span ids of the record. The resource: <c>service.name</c> "meetingroom" and
/// <c>service.instance.id</c> <see cref="InstanceName"/>, both overridden by <c>OTEL_SERVICE_NAME</c> /
/// <c>OTEL_RESOURCE_ATTRIBUTES</c>.
/// </para>
/// <para>
/// Logs, always: every record carries the current trace and span ids as a scope
/// (<see cref="ActivityTrackingOptions"/>), and a request's records the instance name
/// (<see cref="InstanceLogScope"/>); console output shows scopes (<c>Logging:Console:FormatterOptions:IncludeScopes</c>,
/// on in appsettings.json), as JSON with <c>Logging:Console:FormatterName=json</c>.
/// </para>
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

    /// <summary>The <c>service.name</c> unless <c>OTEL_SERVICE_NAME</c> (or <c>service.name</c> in <c>OTEL_RESOURCE_ATTRIBUTES</c>) says otherwise.</summary>
    public const string DefaultServiceName = "meetingroom";

    /// <summary>
    /// Registers the options, <see cref="MeetingRoomMetrics"/>, the log enrichment (trace ids, instance name), and
    /// OpenTelemetry when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (configuration or environment) is set or
    /// <c>Observability:Prometheus</c> is true; with neither, no TracerProvider, MeterProvider or ActivityListener.
    /// </summary>
    public static void AddObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.Configure<ObservabilityOptions>(config.GetSection(ObservabilityOptions.Section));
        services.AddSingleton<MeetingRoomMetrics>();
        var instance = InstanceName(config);
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        services.AddSingleton<IStartupFilter>(new InstanceLogScope(instance));

        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = config.GetValue<bool>($"{ObservabilityOptions.Section}:{nameof(ObservabilityOptions.Prometheus)}");
        if (!otlp && !prometheus)
            return;

        var otel = services.AddOpenTelemetry()
            // Our defaults first, the standard variables after them: OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win.
            .ConfigureResource(r => r.Clear()
                .AddService(DefaultServiceName, serviceInstanceId: instance)
                .AddTelemetrySdk()
                .AddEnvironmentVariableDetector());
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
                .AddNpgsql()); // Npgsql's own ActivitySource
            otel.WithLogging();
            otel.UseOtlpExporter(); // traces, metrics and logs, configured by the OTEL_EXPORTER_OTLP_* variables
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

    /// <summary>
    /// This instance's name in logs and traces: <c>Instance:Name</c> (<see cref="Features.Schedule.InstanceOptions"/>,
    /// the name its pushers already use), else the machine name.
    /// </summary>
    public static string InstanceName(IConfiguration config) =>
        config[$"{Features.Schedule.InstanceOptions.Section}:{nameof(Features.Schedule.InstanceOptions.Name)}"] is { Length: > 0 } name
            ? name
            : Environment.MachineName;
}
