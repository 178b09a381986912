using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>Configuration section "Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    /// <summary>Most messages applied in one transaction.</summary>
    public int BatchSize { get; set; } = 500;
    /// <summary>How often to look for rows written by other instances (milliseconds).</summary>
    public int PollMilliseconds { get; set; } = 1000;
    /// <summary>First retry delay after a failure; doubles up to <see cref="MaxBackoffMilliseconds"/>.</summary>
    public int BackoffMilliseconds { get; set; } = 200;
    public int MaxBackoffMilliseconds { get; set; } = 30_000;
    /// <summary>
    /// How long a gap in outbox ids is waited for before it is skipped (SQL Server hands out identity
    /// values before commit, so a later id can commit first; a rolled-back one never does).
    /// </summary>
    public int GapGraceMilliseconds { get; set; } = 5_000;

    /// <summary>
    /// After a wake-up, how long a handler waits for more commits before reading its batch (milliseconds; 0 = off).
    /// Under load this turns a batch per commit into a batch per few commits (each batch claims the handler's cursor
    /// and, on SQLite, holds the single writer); every live push is that much later. Measured in docs/benchmarks.md.
    /// </summary>
    public int GatherMilliseconds { get; set; } = 10;
}

/// <summary>
/// Delivers outbox messages to every <see cref="IOutboxHandler"/>, one loop per handler, in id order
/// (so in order per slot). A batch is applied and the handler's cursor advanced in one transaction;
/// a failure rolls the batch back and is retried with exponential backoff, without blocking other
/// handlers or any command (commands only append to the outbox). Nothing is lost: the cursor only
/// moves past what was applied.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, OutboxSignal signal,
    IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var names = scope.ServiceProvider.GetServices<IOutboxHandler>().Select(h => h.Name).ToList();
        return Task.WhenAll(names.Select(name => RunAsync(name, signal.Listen(), stoppingToken)));
    }

    private async Task RunAsync(string handlerName, System.Threading.Channels.ChannelReader<bool> wake, CancellationToken ct)
    {
        var o = options.Value;
        var backoff = TimeSpan.Zero;
        var gap = new GapTracker();
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var applied = await DispatchBatchAsync(handlerName, gap, ct);
                backoff = TimeSpan.Zero;
                if (applied >= o.BatchSize) continue; // more waiting
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                backoff = backoff == TimeSpan.Zero
                    ? TimeSpan.FromMilliseconds(o.BackoffMilliseconds)
                    : TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, o.MaxBackoffMilliseconds));
                logger.LogWarning(e, "Outbox handler {Handler} failed; retrying in {Backoff}.", handlerName, backoff);
                await RecordFailureAsync(handlerName, e, ct);
                await DelayAsync(backoff, ct);
                continue;
            }
            // Held back by a gap in ids (a transaction that drew an id and may never commit: a killed instance's):
            // look again once the grace has passed, not at the next poll, which may be minutes away (with Redis the
            // poll is only a safety net, and nobody else will wake this loop for an id that never commits).
            var wait = gap.IsHolding ? Math.Min(o.PollMilliseconds, o.GapGraceMilliseconds) : o.PollMilliseconds;
            if (await WaitForWorkAsync(wake, TimeSpan.FromMilliseconds(wait), ct) && o.GatherMilliseconds > 0)
            {
                await DelayAsync(TimeSpan.FromMilliseconds(o.GatherMilliseconds), ct); // let the commits of the moment join
                while (wake.TryRead(out _)) { } // this batch reads after them all
            }
        }
    }

    /// <summary>Applies the next batch for one handler. Returns how many messages were applied.</summary>
    public async Task<int> DispatchBatchAsync(string handlerName, GapTracker? gap = null, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().Single(h => h.Name == handlerName);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (!handler.StoresCursor) return await DispatchInMemoryAsync(handler, db, gap, ct);

        // A look without locking first: most passes find nothing new and take no write lock at all.
        var seen = await db.OutboxCursors.AsNoTracking().Where(c => c.Handler == handlerName)
            .Select(c => (long?)c.LastMessageId).FirstOrDefaultAsync(ct) ?? 0;
        var batch = await NextBatchAsync(db, handler, seen, gap, ct);
        if (batch.Count == 0) return 0;

        var gate = db.WriteGate(); // one SQLite writer at a time (held for the whole transaction)
        if (gate is not null) await gate.WaitAsync(ct);
        int applied;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The claim: lock this handler's cursor row before reading it. Another instance dispatching the same
            // handler waits here until this transaction ends, then reads the cursor this one moved, so every
            // message is applied once across instances, in order. A killed instance's transaction rolls back
            // and releases the lock; the next instance carries on from the last committed cursor.
            if (!await ClaimCursorAsync(db, handlerName, ct)) return 0; // a new cursor row raced with another instance: next pass
            var cursor = await db.OutboxCursors.SingleAsync(c => c.Handler == handlerName, ct);
            if (cursor.LastMessageId != seen) // another instance applied some meanwhile: take what follows
                batch = await NextBatchAsync(db, handler, cursor.LastMessageId, gap, ct);
            if (batch.Count == 0) return 0; // rolled back: nothing to release but the lock
            foreach (var message in batch)
            {
                if (DomainEventSerializer.FromOutbox(message) is { } domainEvent)
                    await handler.ApplyAsync(db, message.Id, domainEvent, ct);
            }
            cursor.LastMessageId = batch[^1].Id;
            cursor.FailedAttempts = 0;
            cursor.LastError = null;
            cursor.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            applied = batch.Count;
        }
        finally
        {
            gate?.Release();
        }

        try { await handler.AfterCommitAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning(e, "After-commit step of {Handler} failed.", handlerName); }
        signal.Notify(); // wake the handlers that run behind this one (on every instance)
        return applied;
    }

    /// <summary>
    /// Locks <paramref name="handlerName"/>'s cursor row for the current transaction (a no-op update takes the
    /// row's write lock on PostgreSQL and SQL Server; SQLite has one writer anyway), creating the row the first
    /// time. False when creating it collided with another instance doing the same (try again next pass).
    /// Call inside a transaction (and, on SQLite, holding <see cref="AppDbContext.WriteGate"/>).
    /// </summary>
    internal static async Task<bool> ClaimCursorAsync(AppDbContext db, string handlerName, CancellationToken ct)
    {
        var locked = await db.OutboxCursors.Where(c => c.Handler == handlerName)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts), ct);
        if (locked == 1) return true;
        db.OutboxCursors.Add(new OutboxCursor { Handler = handlerName });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _memoryCursors = new();

    /// <summary>A handler with its cursor in memory: no transaction, it only reads and tells.</summary>
    private async Task<int> DispatchInMemoryAsync(IOutboxHandler handler, AppDbContext db, GapTracker? gap, CancellationToken ct)
    {
        if (!_memoryCursors.TryGetValue(handler.Name, out var last))
            last = _memoryCursors[handler.Name] = await db.Outbox.MaxAsync(m => (long?)m.Id, ct) ?? 0;
        var batch = await NextBatchAsync(db, handler, last, gap, ct);
        if (batch.Count == 0) return 0;
        foreach (var message in batch)
            if (DomainEventSerializer.FromOutbox(message) is { } domainEvent)
                await handler.ApplyAsync(db, message.Id, domainEvent, ct);
        _memoryCursors[handler.Name] = batch[^1].Id;
        try { await handler.AfterCommitAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning(e, "After-commit step of {Handler} failed.", handler.Name); }
        return batch.Count;
    }

    /// <summary>The next messages after <paramref name="after"/> that the handlers it runs behind have applied, without gaps.</summary>
    private async Task<List<OutboxMessage>> NextBatchAsync(AppDbContext db, IOutboxHandler handler, long after, GapTracker? gap, CancellationToken ct)
    {
        var upTo = long.MaxValue;
        if (handler.RunsAfter.Count > 0)
        {
            var before = await db.OutboxCursors.AsNoTracking().Where(c => handler.RunsAfter.Contains(c.Handler))
                .Select(c => c.LastMessageId).ToListAsync(ct);
            upTo = before.Count < handler.RunsAfter.Count ? 0 : before.Min();
        }
        var batch = await db.Outbox.AsNoTracking()
            .Where(m => m.Id > after && m.Id <= upTo)
            .OrderBy(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        return (gap ?? new GapTracker()).TakeContiguous(after, batch, clock, TimeSpan.FromMilliseconds(options.Value.GapGraceMilliseconds));
    }

    private async Task RecordFailureAsync(string handlerName, Exception error, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cursor = await db.OutboxCursors.FirstOrDefaultAsync(c => c.Handler == handlerName, ct);
            if (cursor is null) db.OutboxCursors.Add(cursor = new OutboxCursor { Handler = handlerName });
            cursor.FailedAttempts++;
            cursor.LastError = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
            cursor.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug(e, "Could not record the failure of {Handler}.", handlerName);
        }
    }

    /// <summary>Waits for a wake-up (true) or the poll interval (false).</summary>
    private static async Task<bool> WaitForWorkAsync(System.Threading.Channels.ChannelReader<bool> wake, TimeSpan poll, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(poll); // real time: polling is about other processes, not the domain clock
        try
        {
            await wake.ReadAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException) { return false; }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try { await Task.Delay(delay, ct); }
        catch (OperationCanceledException) { }
    }

    /// <summary>
    /// Holds back messages behind a gap in ids until the gap has been seen for the grace period
    /// (measured on the monotonic timestamp: this is about commit timing, not the domain's clock).
    /// </summary>
    public sealed class GapTracker
    {
        private (long AfterId, long SeenAt)? _gap;

        /// <summary>Whether the last batch stopped at a gap still inside its grace period.</summary>
        public bool IsHolding => _gap is not null;

        public List<OutboxMessage> TakeContiguous(long lastId, List<OutboxMessage> batch, TimeProvider clock, TimeSpan grace)
        {
            var expected = lastId + 1;
            for (var i = 0; i < batch.Count; i++, expected++)
            {
                if (batch[i].Id == expected) continue;
                var seenAt = _gap is { } g && g.AfterId == expected - 1 ? g.SeenAt : clock.GetTimestamp();
                _gap = (expected - 1, seenAt);
                if (clock.GetElapsedTime(seenAt) >= grace) { _gap = null; return batch; } // the missing id is not coming
                return batch[..i];
            }
            _gap = null;
            return batch;
        }
    }
}
