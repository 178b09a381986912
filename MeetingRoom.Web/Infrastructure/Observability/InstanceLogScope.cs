namespace MeetingRoom.Web.Infrastructure.Observability;

/// <summary>
/// Puts this instance's name in a log scope (<c>Instance</c>) around every request, first in the pipeline, so each
/// record written while handling a request (Blazor circuits included: they live in their connection's request) says
/// which instance wrote it. Background services' records carry it only over OTLP (<c>service.instance.id</c>).
/// </summary>
public sealed class InstanceLogScope(string instance) : IStartupFilter
{
    private readonly KeyValuePair<string, object?>[] _scope = [new("Instance", instance)];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("MeetingRoom.Instance");
        app.Use(async (context, nextMiddleware) =>
        {
            using (logger.BeginScope(_scope)) await nextMiddleware(context);
        });
        next(app);
    };
}
