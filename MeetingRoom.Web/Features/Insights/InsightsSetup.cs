namespace MeetingRoom.Web.Features.Insights;

/// <summary>Registers the insights (issue 23): what they record and how they are computed.</summary>
public static class InsightsSetup
{
    /// <summary>
    /// Section "Insights" (<see cref="InsightsOptions"/>), the in-memory opening demand counters
    /// (<see cref="OpeningDemandRecorder"/>) and their writer (<see cref="OpeningDemandFlusher"/>, resolvable as itself),
    /// the figures (<see cref="InsightsQuery"/>, scoped) and their roll-up: the stored outbox handler
    /// (<see cref="Rollup.InsightsRollup"/>), its progress (singleton) and its start-up backfill (hosted service).
    /// </summary>
    public static void AddInsights(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<InsightsOptions>(builder.Configuration.GetSection(InsightsOptions.Section));
        services.AddSingleton<OpeningDemandRecorder>();
        services.AddSingleton<OpeningDemandFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<OpeningDemandFlusher>());
        services.AddScoped<InsightsQuery>();
        services.AddSingleton<Rollup.InsightsRollupProgress>();
        services.AddScoped<Rollup.InsightsRollup>();
        services.AddScoped<Infrastructure.Outbox.IOutboxHandler>(sp => sp.GetRequiredService<Rollup.InsightsRollup>());
        services.AddHostedService<Rollup.InsightsRollupBackfill>();
    }
}
