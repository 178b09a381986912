using System.Collections;

namespace MeetingRoom.Web.Infrastructure.Observability;

/// <summary>
/// Puts this instance's name in a log scope (<c>Instance</c>, shown as <c>Instance:web-1</c>) around every request,
/// first in the pipeline, so each record written while handling a request (Blazor circuits included: they live in
/// their connection's request) says which instance wrote it; and, through <see cref="RunAsync"/>, around the whole run
/// of the host, so the records of background services (which start inside it and inherit its scope) say it too.
/// ASP.NET Core's own "Request starting/finished" records are written outside both: they carry the instance only over
/// OTLP (<c>service.instance.id</c>).
/// </summary>
public sealed class InstanceLogScope(string instance) : IStartupFilter
{
    private readonly Scope _scope = new(instance);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("MeetingRoom.Instance");
        app.Use(async (context, nextMiddleware) =>
        {
            using (logger.BeginScope(_scope)) await nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>
    /// Runs <paramref name="host"/> until it stops inside this instance's log scope (<see cref="ObservabilitySetup.InstanceName"/>),
    /// which every hosted service started by it inherits (a logging scope flows with the async context).
    /// </summary>
    public static async Task RunAsync(IHost host)
    {
        var config = host.Services.GetRequiredService<IConfiguration>();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MeetingRoom.Instance");
        using (logger.BeginScope(new Scope(ObservabilitySetup.InstanceName(config))))
            await host.RunAsync();
    }

    /// <summary>The scope's state: one pair for structured sinks (JSON, OTLP), "Instance:name" for text.</summary>
    private sealed class Scope(string instance) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?> _pair = new("Instance", instance);
        private readonly string _text = $"Instance:{instance}";

        public KeyValuePair<string, object?> this[int index] => index == 0 ? _pair : throw new ArgumentOutOfRangeException(nameof(index));
        public int Count => 1;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() { yield return _pair; }
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => _text;
    }
}
