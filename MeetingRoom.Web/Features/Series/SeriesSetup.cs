using MeetingRoom.Web.Infrastructure.Outbox;

namespace MeetingRoom.Web.Features.Series;

/// <summary>Registers the series (issue 22): the admins' service, and the no-show strikes that end a series of ghost meetings.</summary>
public static class SeriesSetup
{
    public static IServiceCollection AddSeries(this IServiceCollection services)
    {
        services.AddScoped<SeriesService>();
        services.AddScoped<SeriesStrikes>();
        services.AddScoped<IOutboxHandler>(sp => sp.GetRequiredService<SeriesStrikes>());
        return services;
    }
}
