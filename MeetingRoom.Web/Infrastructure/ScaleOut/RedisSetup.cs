using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace MeetingRoom.Web.Infrastructure.ScaleOut;

/// <summary>
/// What several instances share through Redis (<c>ConnectionStrings:Redis</c>, e.g. <c>127.0.0.1:6379</c>;
/// unset for a single instance, which needs none of it):
/// <list type="bullet">
/// <item>the wake-up on every committed outbox row (<see cref="RedisOutboxWake"/>), so every instance's change
/// feed reads a change the moment it commits anywhere, with no poll interval on the path;</item>
/// <item>the SignalR backplane of <c>/hubs/schedule</c> (group membership and any message addressed across
/// instances; the schedule push itself is sent by each instance to its own connections, see
/// <see cref="ScheduleHubBridge"/>);</item>
/// <item>the data-protection key ring, so a sign-in cookie or bearer token issued by one instance is accepted by
/// every other;</item>
/// <item>a readiness check (<c>/health/ready</c> fails while Redis is unreachable).</item>
/// </list>
/// The connection is made with <c>abortConnect=false</c>: an instance starts while Redis is down and reconnects
/// by itself.
/// </summary>
public static class RedisSetup
{
    public const string ConnectionStringName = "Redis";
    /// <summary>Prefix of every Redis key and channel the app uses.</summary>
    public const string Prefix = "MeetingRoom";

    public static void AddScaleOut(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Every instance reads the same key ring and names the app the same, wherever it is installed.
        var dataProtection = services.AddDataProtection().SetApplicationName(Prefix);

        var connection = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connection)) return;

        var options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = false;
        options.ClientName ??= $"{Prefix}-{Environment.MachineName}-{Environment.ProcessId}";
        var redis = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        services.AddSingleton(_ => redis.Value);

        dataProtection.PersistKeysToStackExchangeRedis(() => redis.Value.GetDatabase(), $"{Prefix}:data-protection-keys");

        // The backplane for the schedule hub only (Blazor's own circuit hub needs none: a circuit lives on one instance).
        services.Configure<RedisOptions>(o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal(Prefix);
            o.ConnectionFactory = _ => Task.FromResult(redis.Value);
        });
        services.AddSingleton<HubLifetimeManager<ScheduleHub>, RedisHubLifetimeManager<ScheduleHub>>();

        services.AddHostedService<RedisOutboxWake>();
        services.AddHealthChecks().AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis", tags: ["ready"]);
    }
}
