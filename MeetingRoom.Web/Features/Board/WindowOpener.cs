using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Board;

/// <summary>
/// Pushes the changes that happen by the clock alone: a slot's window opening (not yet open → open)
/// and its period ending (→ closed), on the instant, driven by <see cref="TimeProvider"/> (T3).
/// It wakes at the next such instant (at least once a minute, so rule changes are picked up), and
/// on each wake publishes every instant passed since the last one, so a late or missed timer only
/// delays a push, never loses it. The booking rule itself is always checked against the clock at
/// request time; this only tells the screens.
/// </summary>
public sealed class WindowOpener(IServiceScopeFactory scopes, SiteRulesProvider rules, ScheduleNotifier notifier,
    TimeProvider clock, ILogger<WindowOpener> logger) : ClockDrivenService(clock, logger)
{
    private DateTimeOffset? _last;

    /// <summary>Publishes every opening and closing passed since the last pass; returns the next one.</summary>
    public override async Task<DateTimeOffset?> RunOnceAsync(CancellationToken ct = default)
    {
        var site = await rules.GetAsync(ct);
        var now = Clock.GetUtcNow();
        if (_last is { } last && now > last) await PublishPassedAsync(site, last, now, ct);
        _last = now; // also when the clock was set back
        return NextInstant(site, now);
    }

    /// <summary>Every (date, period) whose window opened or closed in (from, to].</summary>
    public static IEnumerable<(DateOnly Date, Period Period)> TransitionsBetween(SiteRules site, DateTimeOffset from, DateTimeOffset to) =>
        CandidateSlots(site, from, to).Where(x =>
        {
            var w = site.WindowFor(site.Timetable.SlotFor(0, x.Date, x.Period));
            return (w.OpensAt > from && w.OpensAt <= to) || (w.ClosesAt > from && w.ClosesAt <= to);
        });

    /// <summary>The next instant after <paramref name="now"/> at which some window opens or closes, if any within the horizon.</summary>
    public static DateTimeOffset? NextInstant(SiteRules site, DateTimeOffset now) =>
        CandidateSlots(site, now, now + TimeSpan.FromDays(2))
            .SelectMany(x =>
            {
                var w = site.WindowFor(site.Timetable.SlotFor(0, x.Date, x.Period));
                return new[] { w.OpensAt, w.ClosesAt };
            })
            .Where(t => t > now)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();

    /// <summary>
    /// Slots whose opening or closing can fall in [from, to]: their dates run from the site-local date
    /// of <paramref name="from"/> to that of <paramref name="to"/> plus how far ahead the rule opens.
    /// </summary>
    private static IEnumerable<(DateOnly Date, Period Period)> CandidateSlots(SiteRules site, DateTimeOffset from, DateTimeOffset to)
    {
        var ahead = site.Window.Mode switch
        {
            BookingWindowMode.LeadTime => (int)Math.Ceiling(site.Window.Lead.TotalDays) + 1,
            BookingWindowMode.DailyAt => site.Window.DaysBefore + 1,
            _ => 1,
        };
        var first = site.LocalDate(from).AddDays(-1);
        var last = site.LocalDate(to).AddDays(ahead);
        for (var d = first; d <= last; d = d.AddDays(1))
            foreach (var p in site.Timetable.Periods)
                yield return (d, p);
    }

    private async Task PublishPassedAsync(SiteRules site, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var passed = TransitionsBetween(site, from, to).ToList();
        if (passed.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var roomIds = await db.Rooms.AsNoTracking().Where(r => r.DeletedAt == null).Select(r => r.Id).ToListAsync(ct);
        var keys = passed.SelectMany(x => roomIds.Select(id => new SlotKey(x.Date, id, x.Period.Start))).ToList();
        var query = scope.ServiceProvider.GetRequiredService<ScheduleQuery>();
        await notifier.PublishAsync(await query.ChangesAsync(keys, ct));
    }
}
