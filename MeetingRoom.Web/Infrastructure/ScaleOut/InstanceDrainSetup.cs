using MeetingRoom.Web.Features.Schedule;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Infrastructure.ScaleOut;

/// <summary>Registers and uses <see cref="InstanceDrain"/>.</summary>
public static class InstanceDrainSetup
{
    public static void AddInstanceDrain(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DrainOptions>(builder.Configuration.GetSection(DrainOptions.Section));
        builder.Services.AddSingleton<InstanceDrain>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InstanceDrain>());
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("draining", sp => sp.GetRequiredService<InstanceDrain>(), null, ["ready"]));
    }

    /// <summary>While draining, every response closes its connection (proxies reconnect, to another instance).</summary>
    public static void UseInstanceDrain(this WebApplication app)
    {
        var drain = app.Services.GetRequiredService<InstanceDrain>();
        app.Use((http, next) =>
        {
            if (drain.IsDraining) http.Response.Headers.Connection = "close";
            return next(http);
        });
    }
}
