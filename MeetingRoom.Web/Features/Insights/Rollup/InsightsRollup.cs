using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Insights.Rollup;

/// <summary>
/// Keeps the insights roll-up (<see cref="InsightsSlotRollup"/>, table <c>InsightsSlots</c>) — the
/// <see cref="SlotFigures"/> of every slot of every whole past day (site-local) — as a stored outbox handler (issue 23):
/// <list type="bullet">
/// <item>when the site-local date has moved on since it last looked (<see cref="InsightsRollupProgress"/>), it rolls up
/// the last <see cref="CatchUpDays"/> whole days whose bookings the roll-up does not count yet (yesterday, normally);
/// older days are the start-up backfill's (<see cref="BackfillAsync"/>). On other events it runs no query for this;</item>
/// <item>a booking event (any <see cref="ISlotEvent"/> but waitlist joins and leaves) about a slot of a past day (a late
/// change) recomputes that slot's row. Events about today and later days cost nothing: the report reads those days
/// from the bookings themselves.</item>
/// </list>
/// Every row is recomputed from the bookings as they are in the database (never incremented), so a redelivered message
/// changes nothing: idempotent per outbox id. The report trusts a day's rows only while their booking counts add up
/// to the day's bookings (<see cref="CompareDaysAsync"/>); any other day it reads from the bookings.
/// </summary>
public sealed class InsightsRollup(SiteRulesProvider rules, TimeProvider clock, InsightsRollupProgress progress) : IOutboxHandler
{
    public const string HandlerName = "insights";

    /// <summary>How many whole past days the handler itself checks when the date changes.</summary>
    public const int CatchUpDays = 7;

    private DateOnly? _checked;

    public string Name => HandlerName;

    public async Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
    {
        var site = await rules.GetAsync(ct);
        var now = clock.GetUtcNow();
        var yesterday = site.LocalDate(now).AddDays(-1);
        var through = _checked ?? progress.CheckedThrough;
        if (through is null || through < yesterday)
        {
            var oldest = yesterday.AddDays(1 - CatchUpDays);
            var from = through is { } t && t >= oldest ? t.AddDays(1) : oldest;
            foreach (var day in (await CompareDaysAsync(db, from, yesterday, ct)).Stale)
                await RollUpDayAsync(db, day, now, ct);
            _checked = yesterday;
        }
        if (domainEvent is ISlotEvent { Slot: var slot } && domainEvent is not (WaitlistJoined or WaitlistLeft) && slot.Date <= yesterday)
            await RollUpSlotAsync(db, slot.RoomId, slot.Date, slot.Period.Start, now, ct);
    }

    /// <summary>Publishes how far this pass checked the days (after its commit; a failed pass is checked again next time).</summary>
    public Task AfterCommitAsync(CancellationToken ct)
    {
        if (_checked is { } day) progress.Checked(day);
        return Task.CompletedTask;
    }

    /// <summary>The <see cref="InsightsBooking"/> columns of <paramref name="bookings"/> (read from the insights index).</summary>
    public static IQueryable<InsightsBooking> Columns(IQueryable<Booking> bookings) => bookings.AsNoTracking()
        .Select(b => new InsightsBooking(b.RoomId, b.Date, b.PeriodStart, b.StartsAt, b.EndsAt, b.BookedAt, b.StartedAt, b.EndedAt, b.State));

    /// <summary>
    /// For the site-local dates <paramref name="from"/>..<paramref name="to"/>: the days with bookings whose roll-up rows
    /// count exactly the day's bookings (<c>Answered</c>: the roll-up answers for them), and the days with bookings it
    /// does not (<c>Stale</c>: not rolled up yet, changed since, or written outside the outbox). Days without bookings are
    /// in neither. Two grouped queries.
    /// </summary>
    public static async Task<(HashSet<DateOnly> Answered, List<DateOnly> Stale)> CompareDaysAsync(AppDbContext db, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        var counted = await db.Bookings.AsNoTracking().Where(b => b.Date >= from && b.Date <= to)
            .GroupBy(b => b.Date).Select(g => new { Date = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (counted.Count == 0) return ([], []);
        int fromDay = from.DayNumber, toDay = to.DayNumber;
        var rolled = await db.InsightsSlots.AsNoTracking().Where(s => s.Day >= fromDay && s.Day <= toDay)
            .GroupBy(s => s.Day).Select(g => new { Day = g.Key, Count = g.Sum(s => s.Bookings) })
            .ToDictionaryAsync(x => x.Day, x => x.Count, ct);
        var answered = new HashSet<DateOnly>();
        var stale = new List<DateOnly>();
        foreach (var day in counted.OrderBy(c => c.Date))
            if (rolled.GetValueOrDefault(day.Date.DayNumber) == day.Count) answered.Add(day.Date);
            else stale.Add(day.Date);
        return (answered, stale);
    }

    /// <summary>Replaces the rows of <paramref name="date"/> by the figures of its bookings now (unsaved; the delete runs at once).</summary>
    public static async Task RollUpDayAsync(AppDbContext db, DateOnly date, DateTimeOffset now, CancellationToken ct)
    {
        var day = date.DayNumber;
        foreach (var tracked in db.ChangeTracker.Entries<InsightsSlotRollup>().Where(e => e.Entity.Day == day).ToList())
            tracked.State = EntityState.Detached;
        await db.InsightsSlots.Where(s => s.Day == day).ExecuteDeleteAsync(ct);
        var bookings = await Columns(db.Bookings.Where(b => b.Date == date)).ToListAsync(ct);
        foreach (var slot in bookings.GroupBy(b => (b.RoomId, b.PeriodStart)))
            db.InsightsSlots.Add(new InsightsSlotRollup().Set(slot.Key.RoomId, date, slot.Key.PeriodStart, SlotFigures.Of(slot.ToList(), now)));
    }

    /// <summary>Recomputes the row of one slot from its bookings (unsaved): added, updated, or removed when it has none.</summary>
    public static async Task RollUpSlotAsync(AppDbContext db, int roomId, DateOnly date, TimeOnly start, DateTimeOffset now, CancellationToken ct)
    {
        var bookings = await Columns(db.Bookings.Where(b => b.RoomId == roomId && b.Date == date && b.PeriodStart == start)).ToListAsync(ct);
        var row = await db.InsightsSlots.FindAsync([date.DayNumber, roomId, InsightsSlotRollup.SecondOf(start)], ct);
        if (bookings.Count == 0)
        {
            if (row is not null) db.InsightsSlots.Remove(row);
            return;
        }
        if (row is null) db.InsightsSlots.Add(row = new InsightsSlotRollup());
        row.Set(roomId, date, start, SlotFigures.Of(bookings, now));
    }

    /// <summary>
    /// The one-time backfill, run at start (<see cref="InsightsRollupBackfill"/>) and by the benchmark after its bulk seed:
    /// <see cref="StaleDaysAsync"/>, then <see cref="RollUpDaysAsync"/>. Returns the number of days rolled up. Safe to run
    /// again (it redoes only stale days).
    /// </summary>
    public static async Task<int> BackfillAsync(IServiceProvider services, CancellationToken ct)
    {
        var (stale, yesterday) = await StaleDaysAsync(services, ct);
        await RollUpDaysAsync(services, stale, ct);
        services.GetRequiredService<InsightsRollupProgress>().Checked(yesterday);
        return stale.Count;
    }

    /// <summary>Every whole past day (site-local) whose bookings the roll-up does not count, and yesterday's date. Three queries.</summary>
    public static async Task<(List<DateOnly> Stale, DateOnly Yesterday)> StaleDaysAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var site = await scope.ServiceProvider.GetRequiredService<SiteRulesProvider>().GetAsync(ct);
        var yesterday = site.LocalDate(now).AddDays(-1);
        var first = await db.Bookings.AsNoTracking().MinAsync(b => (DateOnly?)b.Date, ct);
        var stale = first is { } f && f <= yesterday ? (await CompareDaysAsync(db, f, yesterday, ct)).Stale : [];
        return (stale, yesterday);
    }

    /// <summary>
    /// Rolls up <paramref name="days"/>, one day per transaction, each holding this handler's cursor lock
    /// (<see cref="OutboxCursorClaim.ClaimOneAsync"/>) so it never interleaves with the change feed's pass.
    /// </summary>
    public static async Task RollUpDaysAsync(IServiceProvider services, IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        if (days.Count == 0) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        foreach (var day in days)
        {
            var gate = db.WriteGate(); // SQLite: one writer at a time
            if (gate is not null) await gate.WaitAsync(ct);
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await OutboxCursorClaim.ClaimOneAsync(db, HandlerName, ct);
                await RollUpDayAsync(db, day, clock.GetUtcNow(), ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            finally
            {
                gate?.Release();
                db.ChangeTracker.Clear();
            }
        }
    }
}
