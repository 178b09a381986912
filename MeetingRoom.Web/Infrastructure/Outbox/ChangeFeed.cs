using System.Diagnostics;
using System.Threading.Channels;
using MeetingRoom.Web.Infrastructure.Observability;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// The one reader of the outbox in this instance (issue 21). Each pass:
/// <list type="number">
/// <item>reads the new outbox rows ONCE (one query, from an in-memory position that starts at the newest id when the
/// instance starts; ids without gaps, <see cref="GapTracker"/>) and deserializes them once. A row whose event type
/// this build does not know stops the feed before it: logged as an error, <c>/health/ready</c> fails
/// (<see cref="ChangeFeedHealth"/>), nothing after it is applied or pushed;</item>
/// <item>runs the stored <see cref="IOutboxHandler"/>s (schedule read model, notifications, e-mail queue, waitlist
/// hand-over) behind ONE claim of all their cursors (<see cref="OutboxCursorClaim.LockAsync"/>) in ONE transaction:
/// each applies the events after its own cursor inside its own savepoint, so a failing handler is rolled back alone,
/// keeps its cursor, records its failure and is retried with backoff while the others move on (N2); the succeeded
/// cursors advance in one statement. A handler behind the events in memory (after a failure, or new) reads the
/// missing ones itself. Another instance that claimed first has moved the cursors: this one finds nothing to do;</item>
/// <item>fans the events out in memory to this instance's <see cref="IChangeFeedSubscriber"/>s
/// (<see cref="ChangeFeedFanOut"/>), each once the stored handler it runs after has committed them, with what the
/// handlers published (<see cref="IPublishesChanges"/>, e.g. the schedule rows just written).</item>
/// </list>
/// Woken once per commit in this process (<see cref="OutboxSignal"/>; with Redis also for other instances'
/// commits), else by a slow safety poll (<see cref="OutboxOptions.PollMilliseconds"/>): idle, it costs one query per
/// poll. Every command goes through EF Core's connection. Singleton hosted service.
/// <para>
/// Tracing (issue 24, when on): each stored handler's work on a message is a span "outbox {handler}" whose parent is
/// the trace context stored with the message (<see cref="OutboxTracing"/>), and its save a span
/// "outbox {handler} save" (one per trace among the messages, <see cref="OutboxTracing.StartEach"/>); the pushes are the
/// subscribers' spans. The feed's own polls, claims and cursor writes are not traced (<see cref="OutboxTracing.Quiet"/>).
/// After each pass it reports each stored handler's lag (<see cref="MeetingRoomMetrics.OutboxLag"/>) from what it
/// already holds: messages = newest id read − the handler's cursor; age = now − the oldest such event in memory.
/// </para>
/// </summary>
public sealed class ChangeFeed : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ChangeFeedHealth _health;
    private readonly IOptions<OutboxOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ChangeFeed> _logger;
    private readonly ChannelReader<bool> _wake;
    private readonly ChangeFeedFanOut _fanOut;
    private readonly MeetingRoomMetrics _metrics;
    private readonly GapTracker _gap = new();
    private readonly SemaphoreSlim _pass = new(1, 1);

    private string[]? _handlers;
    private long? _position;                      // newest id read (and decoded)
    private long _pendingFrom;                    // _pending holds every event after this id
    private readonly List<ChangeFeedEntry> _pending = [];
    private readonly Dictionary<string, long> _cursors = [];       // stored cursors as last read or written here
    private readonly Dictionary<string, (int Failures, long RetryAt)> _backoff = [];
    private long? _unknownAt;

    public ChangeFeed(IServiceScopeFactory scopes, OutboxSignal signal, IEnumerable<IChangeFeedSubscriber> subscribers,
        ChangeFeedHealth health, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<ChangeFeed> logger,
        MeetingRoomMetrics metrics)
    {
        _metrics = metrics;
        _scopes = scopes;
        _health = health;
        _options = options;
        _clock = clock;
        _logger = logger;
        _wake = signal.Listen();
        _fanOut = new ChangeFeedFanOut(subscribers, logger);
    }

    /// <summary>The newest outbox id this feed has read (null before its first pass).</summary>
    public long? Position => _position;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = _options.Value;
        // A failed pass (the database unreachable, a malformed payload) is retried with exponential backoff, for as long
        // as it takes; delays are real time (this is about other processes, not the domain clock).
        var retry = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException || !stoppingToken.IsCancellationRequested),
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(o.BackoffMilliseconds),
            MaxDelay = TimeSpan.FromMilliseconds(o.MaxBackoffMilliseconds),
            MaxRetryAttempts = int.MaxValue,
            OnRetry = args =>
            {
                _logger.LogWarning(args.Outcome.Exception, "Change feed pass failed (attempt {Attempt}); retrying in {Backoff}.", args.AttemptNumber + 1, args.RetryDelay);
                return default;
            },
        }).Build();
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            bool more;
            try
            {
                more = await retry.ExecuteAsync(async ct => await RunPassAsync(ct), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            if (more) continue;
            if (await WaitForWorkAsync(NextWait(), stoppingToken) && o.GatherMilliseconds > 0)
            {
                await DelayAsync(TimeSpan.FromMilliseconds(o.GatherMilliseconds), stoppingToken); // let the commits of the moment join
                while (_wake.TryRead(out _)) { } // this pass reads after them all
            }
        }
    }

    /// <summary>
    /// One pass: read, apply the stored handlers, fan out. Returns true when more is waiting at once (a full batch,
    /// or a handler still behind). Passes of one feed never overlap.
    /// </summary>
    public async Task<bool> RunPassAsync(CancellationToken ct = default)
    {
        await _pass.WaitAsync(ct);
        try { return await PassAsync(ct); }
        finally { _pass.Release(); }
    }

    private async Task<bool> PassAsync(CancellationToken ct)
    {
        var o = _options.Value;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _handlers ??= scope.ServiceProvider.GetServices<IOutboxHandler>().Select(h => h.Name).Distinct().ToArray();
        if (_position is null)
        {
            long newest;
            using (OutboxTracing.Quiet())
            {
                if (_handlers.Length > 0) await OutboxCursorClaim.EnsureAsync(db, _handlers, ct);
                newest = await db.Outbox.MaxAsync(m => (long?)m.Id, ct) ?? 0;
            }
            _position = _pendingFrom = newest;
            _fanOut.Start(newest);
        }

        // 1. The new rows, once.
        var position = _position.Value;
        List<OutboxMessage> fresh;
        using (OutboxTracing.Quiet()) // the poll itself: a root trace per poll would drown the others
            fresh = await db.Outbox.AsNoTracking().Where(m => m.Id > position).OrderBy(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        var full = fresh.Count >= o.BatchSize;
        fresh = _gap.TakeContiguous(position, fresh, _clock, TimeSpan.FromMilliseconds(o.GapGraceMilliseconds));
        var decoded = Decode(fresh);
        if (decoded.Count < fresh.Count) full = false;
        if (decoded.Count > 0)
        {
            _pending.AddRange(decoded);
            _position = decoded[^1].Id;
        }

        // 2. The stored handlers behind the newest position, under one claim.
        var published = new Dictionary<string, IReadOnlyList<object>>();
        var lagging = false;
        var now = _clock.GetTimestamp();
        var due = _handlers.Where(h => (!_cursors.TryGetValue(h, out var c) || c < _position)
            && !(_backoff.TryGetValue(h, out var b) && b.RetryAt > now)).ToList();
        if (due.Count > 0) lagging = await ApplyStoredAsync(scope.ServiceProvider, db, due, published, ct);

        // 3. This instance's subscribers, in memory.
        await _fanOut.DeliverAsync(_pending, h => _cursors.GetValueOrDefault(h), published, ct);
        var low = Math.Min(_fanOut.Low, _position.Value);
        if (low > _pendingFrom)
        {
            _pending.RemoveAll(e => e.Id <= low);
            _pendingFrom = low;
        }
        ReportLag();
        return full || lagging;
    }

    /// <summary>Each stored handler's lag as this feed knows it (see the class summary); no query.</summary>
    private void ReportLag()
    {
        if (_handlers is null || _position is not { } position) return;
        var now = _clock.GetUtcNow();
        foreach (var handler in _handlers)
        {
            if (!_cursors.TryGetValue(handler, out var cursor)) continue; // not read yet: nothing known
            var messages = Math.Max(0, position - cursor);
            var age = TimeSpan.Zero;
            if (messages > 0 && FirstPendingAfter(cursor) is { } oldest) age = now - oldest.Event.OccurredAt;
            _metrics.OutboxLag(handler, age, messages);
        }
    }

    /// <summary>The oldest pending entry after <paramref name="id"/>, or null; a binary search (the list is in id order, read in order).</summary>
    private ChangeFeedEntry? FirstPendingAfter(long id)
    {
        int low = 0, high = _pending.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_pending[middle].Id <= id) low = middle + 1;
            else high = middle;
        }
        return low < _pending.Count ? _pending[low] : null;
    }

    /// <summary>Deserializes <paramref name="rows"/> up to (not including) the first of an unknown type, which stops the feed loudly.</summary>
    private List<ChangeFeedEntry> Decode(List<OutboxMessage> rows)
    {
        var entries = new List<ChangeFeedEntry>(rows.Count);
        foreach (var row in rows)
        {
            if (!DomainEventSerializer.TryFromOutbox(row, out var domainEvent))
            {
                StopAt(row);
                break;
            }
            entries.Add(new ChangeFeedEntry(row.Id, domainEvent!, OutboxTracing.ContextOf(row)));
        }
        if (entries.Count == rows.Count && rows.Count > 0 && _unknownAt is { } at && rows[^1].Id >= at) Resume();
        return entries;
    }

    private void StopAt(OutboxMessage row)
    {
        _health.Stopped(row.Id, row.Type);
        if (_unknownAt == row.Id) return; // said once
        _unknownAt = row.Id;
        _logger.LogError("The change feed stopped at outbox row {Id}: unknown event type {Type}. Nothing after it is applied or pushed until a build that knows the type runs.",
            row.Id, row.Type);
    }

    private void Resume()
    {
        _unknownAt = null;
        _health.Running();
    }

    /// <summary>Applies the <paramref name="due"/> stored handlers in one transaction; true when one is still behind after it.</summary>
    private async Task<bool> ApplyStoredAsync(IServiceProvider services, AppDbContext db, List<string> due,
        Dictionary<string, IReadOnlyList<object>> published, CancellationToken ct)
    {
        var handlers = services.GetServices<IOutboxHandler>().Where(h => due.Contains(h.Name)).ToList();
        var advanced = new Dictionary<string, long>();
        var failed = new Dictionary<string, Exception>();
        var taken = new Dictionary<string, IReadOnlyList<object>>();
        var lagging = false;
        var missingRow = false;
        var gate = db.WriteGate(); // one SQLite writer at a time (held for the whole transaction)
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            using var quiet = OutboxTracing.Quiet(); // the claim and cursor writes are bookkeeping; the handlers' work is traced below
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The claim: one statement locks and reads every due cursor. Another instance claiming the same waits here
            // until this transaction ends, then reads the cursors this one moved: every message is applied once, in
            // order. A killed instance's transaction rolls back and releases the locks.
            var cursors = await OutboxCursorClaim.LockAsync(db, due, ct);
            foreach (var (name, cursor) in cursors) _cursors[name] = cursor.LastMessageId;
            for (var i = 0; i < handlers.Count; i++)
            {
                var handler = handlers[i];
                if (!cursors.TryGetValue(handler.Name, out var cursor)) { missingRow = true; continue; }
                var (entries, target, complete) = await EntriesAfterAsync(db, cursor.LastMessageId, ct);
                if (!complete) lagging = true;
                if (target <= cursor.LastMessageId) continue;
                var savepoint = $"feed_{i}";
                await tx.CreateSavepointAsync(savepoint, ct);
                try
                {
                    foreach (var entry in entries) await ApplyTracedAsync(handler, db, entry, ct);
                    using (OutboxTracing.Traced())
                    using (var spans = OutboxTracing.StartEach($"outbox {handler.Name} save", entries))
                    {
                        try { await db.SaveChangesAsync(ct); }
                        catch (Exception e) { spans?.Failed(e); throw; }
                    }
                    advanced[handler.Name] = target;
                    if (handler is IPublishesChanges p) taken[handler.Name] = p.TakePublished();
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    await tx.RollbackToSavepointAsync(savepoint, ct);
                    failed[handler.Name] = e;
                    if (handler is IPublishesChanges p) p.TakePublished(); // never written
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            if (advanced.Count == 0 && failed.Count == 0) return lagging; // nothing written: the rollback only releases the locks
            var at = _clock.GetUtcNow();
            foreach (var group in advanced.GroupBy(a => a.Value))
            {
                var names = group.Select(a => a.Key).ToList();
                var target = group.Key;
                await db.OutboxCursors.Where(c => names.Contains(c.Handler)).ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.LastMessageId, target).SetProperty(c => c.FailedAttempts, 0)
                    .SetProperty(c => c.LastError, (string?)null).SetProperty(c => c.UpdatedAt, at), ct);
            }
            foreach (var (name, error) in failed)
            {
                var message = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
                await db.OutboxCursors.Where(c => c.Handler == name).ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1).SetProperty(c => c.LastError, message)
                    .SetProperty(c => c.UpdatedAt, at), ct);
            }
            await tx.CommitAsync(ct);
        }
        finally
        {
            gate?.Release();
        }
        if (missingRow) await OutboxCursorClaim.EnsureAsync(db, due, ct);

        foreach (var (name, target) in advanced)
        {
            _cursors[name] = target;
            _backoff.Remove(name);
            if (taken.TryGetValue(name, out var items)) published[name] = items;
        }
        foreach (var (name, error) in failed)
        {
            var failures = (_backoff.TryGetValue(name, out var b) ? b.Failures : 0) + 1;
            var backoff = Backoff(failures);
            _backoff[name] = (failures, _clock.GetTimestamp() + (long)(backoff.TotalSeconds * _clock.TimestampFrequency));
            _logger.LogWarning(error, "Outbox handler {Handler} failed (attempt {Attempt}); the others moved on; retrying it in {Backoff}.", name, failures, backoff);
        }
        foreach (var handler in handlers.Where(h => advanced.ContainsKey(h.Name)))
        {
            try { await handler.AfterCommitAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException) { _logger.LogWarning(e, "After-commit step of {Handler} failed.", handler.Name); }
        }
        return lagging && failed.Count == 0;
    }

    /// <summary>One stored handler's work on one message, in its span (when tracing is on) under the message's stored trace context.</summary>
    private static async Task ApplyTracedAsync(IOutboxHandler handler, AppDbContext db, ChangeFeedEntry entry, CancellationToken ct)
    {
        using var traced = OutboxTracing.Traced();
        using var span = OutboxTracing.StartHandler(handler.Name, entry);
        try { await handler.ApplyAsync(db, entry.Id, entry.Event, ct); }
        catch (Exception e) when (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    /// <summary>
    /// The events after <paramref name="after"/> up to the feed's position: from memory when it holds them, else read
    /// (a handler that is behind: after a failure, or new). <c>Target</c> is the cursor once they are applied;
    /// <c>Complete</c> false when more remain after this batch.
    /// </summary>
    private async Task<(List<ChangeFeedEntry> Entries, long Target, bool Complete)> EntriesAfterAsync(AppDbContext db, long after, CancellationToken ct)
    {
        var position = _position!.Value;
        if (after >= _pendingFrom) return (_pending.Where(e => e.Id > after).ToList(), position, true);
        var batchSize = _options.Value.BatchSize;
        var rows = await db.Outbox.AsNoTracking().Where(m => m.Id > after && m.Id <= position).OrderBy(m => m.Id).Take(batchSize).ToListAsync(ct);
        List<ChangeFeedEntry> entries;
        using (OutboxTracing.Traced()) entries = Decode(rows); // its error log is exported (the claim around it is quiet)
        if (entries.Count < rows.Count) return (entries, rows[entries.Count].Id - 1, true); // stopped at an unknown type
        return rows.Count < batchSize ? (entries, position, true) : (entries, rows[^1].Id, false);
    }

    /// <summary>How long to wait for a wake-up: the safety poll, or less when a gap's grace or a handler's retry falls due first.</summary>
    private TimeSpan NextWait()
    {
        var o = _options.Value;
        var wait = TimeSpan.FromMilliseconds(o.PollMilliseconds);
        // Held back by a gap in ids (a transaction that drew an id and may never commit: a killed instance's): look
        // again once the grace has passed; nobody else will wake this loop for an id that never commits.
        if (_gap.IsHolding && o.GapGraceMilliseconds < wait.TotalMilliseconds) wait = TimeSpan.FromMilliseconds(o.GapGraceMilliseconds);
        foreach (var (name, b) in _backoff)
        {
            if (_cursors.GetValueOrDefault(name) >= _position) continue;
            var until = _clock.GetElapsedTime(_clock.GetTimestamp(), b.RetryAt);
            if (until < wait) wait = until < TimeSpan.Zero ? TimeSpan.Zero : until;
        }
        return wait;
    }

    /// <summary>
    /// A failed stored handler's retry delay after <paramref name="failures"/> consecutive failures: doubling from
    /// <see cref="OutboxOptions.BackoffMilliseconds"/>, capped at <see cref="OutboxOptions.MaxBackoffMilliseconds"/>
    /// (the handler is skipped until then while the others run; a whole pass's failure is Polly's retry above).
    /// </summary>
    private TimeSpan Backoff(int failures)
    {
        var o = _options.Value;
        var ms = o.BackoffMilliseconds * Math.Pow(2, Math.Min(failures - 1, 20));
        return TimeSpan.FromMilliseconds(Math.Min(ms, o.MaxBackoffMilliseconds));
    }

    /// <summary>Waits for a wake-up (true) or <paramref name="poll"/> (false).</summary>
    private async Task<bool> WaitForWorkAsync(TimeSpan poll, CancellationToken ct)
    {
        if (poll <= TimeSpan.Zero) return false;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(poll); // real time: polling is about other processes, not the domain clock
        try
        {
            await _wake.ReadAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException) { return false; }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try { await Task.Delay(delay, ct); }
        catch (OperationCanceledException) { }
    }
}
