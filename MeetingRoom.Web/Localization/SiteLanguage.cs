using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// The site's default language (<see cref="SiteSettings.DefaultLanguage"/>), kept in memory so that choosing a
/// request's language never reads the database: loaded once, dropped by the settings service when an admin
/// changes it, and reloaded after <see cref="RefreshInterval"/> so other instances pick a change up.
/// Singleton.
/// </summary>
public sealed class SiteLanguage(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How long another instance may keep showing the old default after a change.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);

    private sealed record Cached(string Language, long LoadedAt);

    private volatile Cached? _cached; // a reference: read and replaced atomically
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>The site's default language: a name of <see cref="SiteCultures.Supported"/> ("en" when unset or unknown).</summary>
    public async ValueTask<string> DefaultAsync(CancellationToken ct = default)
    {
        if (_cached is { } c && clock.GetElapsedTime(c.LoadedAt) < RefreshInterval) return c.Language;
        await _loading.WaitAsync(ct);
        try
        {
            if (_cached is { } again && clock.GetElapsedTime(again.LoadedAt) < RefreshInterval) return again.Language;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.SiteSettings.AsNoTracking().Select(s => s.DefaultLanguage).FirstOrDefaultAsync(ct);
            var language = SiteCultures.Match(stored) ?? SiteCultures.Neutral;
            _cached = new Cached(language, clock.GetTimestamp());
            return language;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forget the cached copy (after a change).</summary>
    public void Invalidate() => _cached = null;
}
