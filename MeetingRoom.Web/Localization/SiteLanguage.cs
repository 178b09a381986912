using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Persistence;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// The site's default language (<see cref="SiteSettings.DefaultLanguage"/>), from the site rules' in-memory copy
/// (<see cref="SiteRulesProvider"/>), so that choosing a request's language never reads the database; the settings
/// service drops the copy when an admin changes it, and other instances pick a change up within
/// <see cref="SiteRulesProvider.RefreshInterval"/>. Singleton.
/// </summary>
public sealed class SiteLanguage(SiteRulesProvider rules)
{
    /// <summary>The site's default language: a name of <see cref="SiteCultures.Supported"/> ("en" when unset or unknown).</summary>
    public async ValueTask<string> DefaultAsync(CancellationToken ct = default) => (await rules.GetAsync(ct)).DefaultLanguage;

    /// <summary>Forget the cached copy (after a change).</summary>
    public void Invalidate() => rules.Invalidate();
}
