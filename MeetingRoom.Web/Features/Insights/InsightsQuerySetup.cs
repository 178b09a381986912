namespace MeetingRoom.Web.Features.Insights;

/// <summary>The services of the insights figures (issue 23): <see cref="InsightsQuery"/> (scoped).</summary>
public static class InsightsQuerySetup
{
    public static IServiceCollection AddInsightsQuery(this IServiceCollection services) => services.AddScoped<InsightsQuery>();
}
