using System.Text.Json.Serialization;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Outbox;

namespace MeetingRoom.Web.Features.Board;

/// <summary>Registers and maps the live schedule: outbox dispatch, read model, notifier, hub, window opener.</summary>
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
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<WindowOpener>();
        services.AddHostedService<ScheduleHubBridge>();
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
    }

    public static void MapBoard(this WebApplication app)
    {
        app.MapScheduleEndpoints();
        var hub = app.MapHub<ScheduleHub>(ScheduleHub.Path);
        if (app.Configuration.GetValue<bool>($"{BoardOptions.Section}:{nameof(BoardOptions.RequireSignIn)}"))
            hub.RequireAuthorization(Roles.MemberPolicy);
    }
}
