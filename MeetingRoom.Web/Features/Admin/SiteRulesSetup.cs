using MeetingRoom.Web.Infrastructure.Outbox;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>Registers the site rules' in-memory copy and what keeps it coherent across instances.</summary>
public static class SiteRulesSetup
{
    public static IServiceCollection AddSiteRules(this IServiceCollection services)
    {
        services.AddSingleton<SiteRulesProvider>();
        services.AddScoped<SiteSettingsService>();
        services.AddSingleton<IChangeFeedSubscriber, SiteRulesFeed>(); // before the schedule push: see SiteRulesFeed
        return services;
    }
}
