namespace MeetingRoom.Web.Features.Board;

/// <summary>Registers and maps the live schedule: read model, outbox dispatch, notifier, hub.</summary>
public static class BoardSetup
{
    public static void AddBoard(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ScheduleQuery>();
        builder.Services.AddSingleton<ScheduleNotifier>();
    }

    public static void MapBoard(this WebApplication app)
    {
        app.MapScheduleEndpoints();
    }
}
