namespace MeetingRoom.Web.Features.Insights;

/// <summary>Registers what the insights need recorded (issue 23). The insights query and endpoints are registered separately.</summary>
public static class InsightsSetup
{
    /// <summary>
    /// Section "Insights" (<see cref="InsightsOptions"/>), the in-memory opening demand counters
    /// (<see cref="OpeningDemandRecorder"/>) and their writer (<see cref="OpeningDemandFlusher"/>, resolvable as itself).
    /// </summary>
    public static void AddInsightsRecording(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<InsightsOptions>(builder.Configuration.GetSection(InsightsOptions.Section));
        services.AddSingleton<OpeningDemandRecorder>();
        services.AddSingleton<OpeningDemandFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<OpeningDemandFlusher>());
    }
}
