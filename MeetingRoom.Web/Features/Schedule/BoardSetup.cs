using System.Text.Json.Serialization;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>Registers and maps the live schedule: the change feed, read model, notifier, hub, window opener.</summary>
public static class BoardSetup
{
    public static void AddBoard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<BoardOptions>(builder.Configuration.GetSection(BoardOptions.Section));
        services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        services.AddScoped<ScheduleQuery>();
        services.AddSingleton<ScheduleNotifier>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddScoped<ScheduleProjection>();
        services.AddScoped<IOutboxHandler>(sp => sp.GetRequiredService<ScheduleProjection>());
        services.Configure<InstanceOptions>(builder.Configuration.GetSection(InstanceOptions.Section));
        services.AddSingleton<IChangeFeedSubscriber, LiveSchedulePusher>();
        services.AddSingleton<ChangeFeedHealth>();
        services.AddHealthChecks().AddCheck<ChangeFeedHealth>("change-feed", tags: ["ready"]);
        services.AddHostedService<ChangeFeed>();
        services.AddHostedService<WindowOpener>();
        services.AddSingleton<ScheduleHubConnections>();
        services.AddHostedService<ScheduleHubBridge>();
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // The /board page's policy: the member page policy when Board:RequireSignIn, else anyone (a wall display
        // has no keyboard). Post-configured, so the page policies (registered by the UI) exist by then.
        services.AddOptions<AuthorizationOptions>().PostConfigure<IOptions<BoardOptions>>((auth, board) =>
            auth.AddPolicy(BoardPageAttribute.PolicyName, board.Value.RequireSignIn
                ? auth.GetPolicy(PagePolicies.Member) ?? throw new InvalidOperationException("The member page policy is not registered.")
                : new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build()));
    }

    public static void MapBoard(this WebApplication app)
    {
        app.MapScheduleEndpoints();
        var hub = app.MapHub<ScheduleHub>(ScheduleHub.Path);
        if (app.Configuration.GetValue<bool>($"{BoardOptions.Section}:{nameof(BoardOptions.RequireSignIn)}"))
            hub.RequireAuthorization(Roles.MemberPolicy);
    }
}
