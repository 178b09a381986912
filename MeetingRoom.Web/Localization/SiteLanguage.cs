using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Persistence;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// The site's default language (<see cref="SiteSettings.DefaultLanguage"/>), from the site rules' in-memory copy
/// (<see cref="SiteRulesProvider"/>), so that choosing a request's language never reads the database. It has no
/// cache of its own: a save of the language drops that copy on every instance through the change feed
/// (<see cref="SiteRulesChanged"/>, applied by <see cref="SiteRulesFeed"/>). Singleton.
/// </summary>
public sealed class SiteLanguage(SiteRulesProvider rules)
{
    /// <summary>The site's default language: a name of <see cref="SiteCultures.Supported"/> ("en" when unset or unknown).</summary>
    public async ValueTask<string> DefaultAsync(CancellationToken ct = default) => (await rules.GetAsync(ct)).DefaultLanguage;
}
