using System.Globalization;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// Reads and stores a member's chosen language (<see cref="MemberPreferences.Language"/>). Singleton: each call
/// opens its own scope, so it can be used from the outbox handlers and from the language switch alike.
/// </summary>
public sealed class MemberLanguage(IServiceScopeFactory scopes, SiteLanguage site) : IMemberLanguage
{
    /// <inheritdoc />
    public async Task<string> ForAsync(string memberId, CancellationToken ct = default) =>
        await ChosenAsync(memberId, ct) ?? await site.DefaultAsync(ct);

    /// <summary>The language the member chose, or null when they never chose one.</summary>
    public async Task<string?> ChosenAsync(string memberId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.MemberPreferences.AsNoTracking().Where(p => p.MemberId == memberId)
            .Select(p => p.Language).FirstOrDefaultAsync(ct);
        return SiteCultures.Match(stored);
    }

    /// <summary>Remembers the member's choice (a supported language name).</summary>
    public async Task SetAsync(string memberId, string language, CancellationToken ct = default)
    {
        if (!SiteCultures.IsSupported(language)) throw new ArgumentException($"Not a supported language: {language}", nameof(language));
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var prefs = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == memberId, ct);
            if (prefs is null) db.MemberPreferences.Add(prefs = new MemberPreferences { MemberId = memberId });
            prefs.Language = language;
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt == 0 && DbErrors.IsUniqueViolation(e))
            {
                // Another request created the member's row meanwhile: update it instead.
            }
        }
    }
}
