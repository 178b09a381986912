using System.Collections;

namespace MeetingRoom.Web.Infrastructure.Observability;

/// <summary>
/// Puts this instance's name in a log scope (<c>Instance</c>, shown as <c>Instance:web-1</c>) around every request,
/// first in the pipeline, so each record written while handling a request (Blazor circuits included: they live in
/// their connection's request) says which instance wrote it. ASP.NET Core's own "Request starting/finished" records
/// are written outside the pipeline and background services' records outside any request: they carry the instance
/// only over OTLP (<c>service.instance.id</c>).
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
