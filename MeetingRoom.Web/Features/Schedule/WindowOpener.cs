using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// Tells the screens of the changes that happen by the clock alone: a slot's window opening (not yet open → open)
/// and its period ending (→ closed), on the instant, driven by <see cref="TimeProvider"/> (T3).
/// It wakes at the next such instant (at least once a minute, so rule changes are picked up), and
/// on each wake records every instant passed since the last one as a <see cref="BookingWindowsPassed"/> event in
/// the outbox, so the change takes the one path to every instance's screens (outbox → change feed →
/// <see cref="LiveSchedulePusher"/>). With several instances the event is written once: each claims the
/// "clock:windows" mark (a row of <c>OutboxCursors</c> holding, in UTC ticks, the last instant recorded) in the
/// same transaction, and records only what lies beyond it. A late or missed timer only delays a push, never loses
/// it. The booking rule itself is always checked against the clock at request time; this only tells the screens.
/// </summary>
public sealed class WindowOpener(IServiceScopeFactory scopes, SiteRulesProvider rules,
    TimeProvider clock, ILogger<WindowOpener> logger) : ClockDrivenService(clock, logger)
{
    /// <summary>The <c>OutboxCursors</c> row that marks how far the windows' instants have been recorded (UTC ticks).</summary>
    public const string MarkName = "clock:windows";

    private DateTimeOffset? _last;

    /// <summary>Records every opening and closing passed since the last pass; returns the next one.</summary>
    public override async Task<DateTimeOffset?> RunOnceAsync(CancellationToken ct = default)
    {
        var site = await rules.GetAsync(ct);
        var now = Clock.GetUtcNow();
        if (_last is { } last && now > last) await RecordPassedAsync(site, last, now, ct);
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

    private async Task RecordPassedAsync(SiteRules site, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (!TransitionsBetween(site, from, to).Any()) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await OutboxCursorClaim.ClaimOneAsync(db, MarkName, ct)) return; // another instance created the mark just now
            var mark = await db.OutboxCursors.SingleAsync(c => c.Handler == MarkName, ct);
            var recorded = new DateTimeOffset(Math.Max(mark.LastMessageId, 0), TimeSpan.Zero);
            // Another instance may have recorded part or all of this stretch already. A mark far ahead of "to" means
            // this clock was set back (tests, an operator): then this instance's own stretch counts.
            var clockWentBack = recorded > to + TimeSpan.FromMinutes(1);
            var since = clockWentBack || recorded < from ? from : recorded;
            var passed = since < to
                ? TransitionsBetween(site, since, to).Select(x => new PeriodOfDate(x.Date, x.Period.Start)).ToList()
                : [];
            mark.LastMessageId = to.UtcTicks;
            mark.UpdatedAt = to;
            if (passed.Count > 0) db.AddToOutbox(new BookingWindowsPassed(passed, to));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            gate?.Release();
        }
    }
}
