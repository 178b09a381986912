using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// The app with tracing on (issue 24): <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a free 127.0.0.1 port where nothing
/// listens (the OTLP export fails quietly), and an in-memory exporter collects the finished spans in
/// <see cref="Spans"/>. Named <see cref="Instance"/>, service <see cref="ServiceName"/> through <c>OTEL_SERVICE_NAME</c>.
/// Its activity listeners are process-wide: use it only in the <see cref="OpenTelemetryCollection"/>.
/// </summary>
public class TracingFactory : MeetingRoomFactory
{
    public const string Instance = "instance-traced";
    public const string ServiceName = "meetingroom-under-test";

    /// <summary>Every finished span of this process while the app runs (other hosts' too: filter by trace id).</summary>
    public SpanLog Spans { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", $"http://127.0.0.1:{LoopbackPort.Free()}");
        builder.UseSetting("OTEL_EXPORTER_OTLP_TIMEOUT", "1000");
        builder.UseSetting("OTEL_SERVICE_NAME", ServiceName);
        builder.UseSetting("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=test");
        builder.UseSetting("Instance:Name", Instance);
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans)));
    }

    /// <summary>Waits (up to 15 s) for a finished span that matches <paramref name="match"/>.</summary>
    public async Task<Activity> WaitForSpanAsync(Func<Activity, bool> match, string what)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            if (Spans.Snapshot().FirstOrDefault(match) is { } span) return span;
            try { await Task.Delay(20, cts.Token); }
            catch (OperationCanceledException) { Assert.Fail($"No span: {what}."); }
        }
    }

    /// <summary>The in-memory exporter's list, safe to read while spans are added.</summary>
    public sealed class SpanLog : Collection<Activity>
    {
        private readonly Lock _lock = new();

        protected override void InsertItem(int index, Activity item)
        {
            lock (_lock) base.InsertItem(index, item);
        }

        public List<Activity> Snapshot()
        {
            lock (_lock) return [.. Items];
        }
    }
}
