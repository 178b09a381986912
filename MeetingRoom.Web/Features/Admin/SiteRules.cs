using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>
/// The rules in force: the timetable (zone + periods), the booking window rule, after how long
/// an unclaimed booking is auto-released (<see cref="NoShowAfter"/>; null = never), and the booking
/// limits per member (<see cref="Limits"/>; the defaults when not given).
/// </summary>
public sealed record SiteRules(Timetable Timetable, BookingWindowRule Window, TimeSpan? NoShowAfter = null, BookingLimits? MemberLimits = null,
    string DefaultLanguage = Localization.SiteCultures.Neutral)
{
    public TimeZoneInfo Zone => Timetable.Zone;

    /// <summary>The booking limits per member (F1).</summary>
    public BookingLimits Limits => MemberLimits ?? BookingLimits.Default;

    public BookingWindow WindowFor(Slot slot) => Window.WindowFor(slot, Zone);

    /// <summary>The site-local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => SiteClock.LocalDate(instant, Zone);

    /// <summary>An instant shown with the site's UTC offset (ISO 8601 in the API).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => SiteClock.ToLocal(instant, Zone);

    public DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? Local(i) : null;
}

/// <summary>
/// Reads the site rules from the database and keeps them in memory; the settings service drops the
/// copy when an admin changes them. Other instances pick a change up within
/// <see cref="RefreshInterval"/> (a booking is always checked against the rules this copy holds).
/// Singleton.
/// </summary>
public sealed class SiteRulesProvider(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);

    private sealed record Cached(SiteRules Rules, long LoadedAt);

    private volatile Cached? _cached; // a reference: read and replaced atomically
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async Task<SiteRules> GetAsync(CancellationToken ct = default)
    {
        if (_cached is { } c && clock.GetElapsedTime(c.LoadedAt) < RefreshInterval) return c.Rules;
        await _loading.WaitAsync(ct);
        try
        {
            if (_cached is { } again && clock.GetElapsedTime(again.LoadedAt) < RefreshInterval) return again.Rules;
            var generation = Volatile.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new SiteSettings();
            var rules = new SiteRules(settings.ToTimetable(), settings.ToWindowRule(),
                settings.NoShowMinutes > 0 ? TimeSpan.FromMinutes(settings.NoShowMinutes) : null, settings.ToLimits(),
                Localization.SiteCultures.Match(settings.DefaultLanguage) ?? Localization.SiteCultures.Neutral);
            // Kept only if no change was saved while reading: a read that raced a change must not outlive it.
            if (Volatile.Read(ref _generation) == generation) _cached = new Cached(rules, clock.GetTimestamp());
            return rules;
        }
        finally
        {
            _loading.Release();
        }
    }

    private int _generation;

    /// <summary>Forget the cached copy (after a change), including one being read at this moment.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cached = null;
    }
}
