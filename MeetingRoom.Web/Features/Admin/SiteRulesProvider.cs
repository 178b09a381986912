using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>
/// Reads the site rules (<see cref="SiteRules"/>) from the database and keeps them in memory, so that deciding a
/// booking or choosing a request's language reads no settings. The copy is coherent across instances (issue 21):
/// <list type="bullet">
/// <item>A settings save writes <see cref="SiteRulesChanged"/> to the outbox in its transaction; every instance's
/// change feed hands it to <see cref="SiteRulesFeed"/>, which drops an older copy (<see cref="InvalidateBefore"/>):
/// within the feed's wake-up (at once in-process, by Redis between instances, at worst the outbox poll).</item>
/// <item>The same save stamps every room with the new version (<see cref="Room.RulesVersion"/>) and bumps its
/// concurrency <see cref="Room.Version"/>. The booking path reads the room anyway and asks <see cref="ForRoomAsync"/>,
/// which reloads (one query, only after a change) when the copy is older than the room's stamp: a booking is never
/// decided under rules older than the last save it can see, and a booking that raced the save fails its room-version
/// check and is decided again.</item>
/// <item>A copy older than <see cref="RefreshInterval"/> is read again: a safety net for a change whose event this
/// instance missed, not the way changes arrive.</item>
/// </list>
/// Singleton.
/// </summary>
public sealed class SiteRulesProvider(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>The safety net: a copy is trusted at most this long (changes arrive through the change feed).</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);

    private sealed record Cached(SiteRules Rules, long LoadedAt);

    private volatile Cached? _cached; // a reference: read and replaced atomically
    private readonly SemaphoreSlim _loading = new(1, 1);
    private int _generation;

    /// <summary>The rules in force, from memory (a query when the copy was dropped or is older than <see cref="RefreshInterval"/>).</summary>
    public Task<SiteRules> GetAsync(CancellationToken ct = default) => AtLeastAsync(0, ct);

    /// <summary>
    /// The rules to decide a booking of <paramref name="room"/> under: the copy in memory when it is at least as new
    /// as the settings save that last stamped the room (<see cref="Room.RulesVersion"/>), otherwise read again (one
    /// query). Pass the room as read in the booking's unit of work: its <see cref="Room.Version"/> check guards the rest.
    /// </summary>
    public Task<SiteRules> ForRoomAsync(Room room, CancellationToken ct = default) => AtLeastAsync(room.RulesVersion, ct);

    private async Task<SiteRules> AtLeastAsync(int version, CancellationToken ct)
    {
        if (Usable(_cached, version) is { } rules) return rules;
        await _loading.WaitAsync(ct);
        try
        {
            if (Usable(_cached, version) is { } again) return again;
            var generation = Volatile.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new SiteSettings();
            var read = new SiteRules(settings.ToTimetable(), settings.ToWindowRule(),
                settings.NoShowMinutes > 0 ? TimeSpan.FromMinutes(settings.NoShowMinutes) : null, settings.ToLimits(),
                Localization.SiteCultures.Match(settings.DefaultLanguage) ?? Localization.SiteCultures.Neutral, settings.Version,
                settings.SeriesNoShowStrikes);
            // Kept only if no change was announced while reading: a read that raced a change must not outlive it.
            if (Volatile.Read(ref _generation) == generation) _cached = new Cached(read, clock.GetTimestamp());
            return read;
        }
        finally
        {
            _loading.Release();
        }
    }

    private SiteRules? Usable(Cached? cached, int version) =>
        cached is { } c && c.Rules.Version >= version && clock.GetElapsedTime(c.LoadedAt) < RefreshInterval ? c.Rules : null;

    /// <summary>Forget the cached copy (after a change), including one being read at this moment.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cached = null;
    }

    /// <summary>
    /// Forget the cached copy unless it already holds settings version <paramref name="version"/> or newer (the
    /// saving instance read them again already); a copy being read at this moment is not kept either.
    /// </summary>
    public void InvalidateBefore(int version)
    {
        if (_cached is { } c && c.Rules.Version >= version) return;
        Invalidate();
    }
}
