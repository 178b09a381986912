using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// The app with <c>Observability:Prometheus=true</c>, its requests coming from <see cref="Client"/> (the in-memory
/// server has no client address of its own; a startup filter sets it before the app's pipeline, as Kestrel would).
/// </summary>
public sealed class PrometheusFactory : MeetingRoomFactory
{
    /// <summary>The client address of every request (change it between requests).</summary>
    public IPAddress Client { get; set; } = IPAddress.Loopback;

    /// <summary>Extra settings (e.g. <c>Observability:MetricsNetworks:0</c>).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Observability:Prometheus", "true");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddress(this)));
    }

    private sealed class ClientAddress(PrometheusFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, then) =>
            {
                http.Connection.RemoteIpAddress = factory.Client;
                return then(http);
            });
            next(app);
        };
    }
}
