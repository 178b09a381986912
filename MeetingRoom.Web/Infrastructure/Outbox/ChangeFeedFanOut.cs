namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// Hands the change feed's events to this instance's <see cref="IChangeFeedSubscriber"/>s, in memory: each gets the
/// events after its own position, up to the newest the feed read or, for one that runs after a stored handler, up to
/// that handler's committed cursor. Subscribers are called concurrently; a failing one is logged and moves on (its
/// batch is not offered again), never stopping the others. One per <see cref="ChangeFeed"/>; not thread-safe (the
/// feed's one loop calls it).
/// </summary>
public sealed class ChangeFeedFanOut(IEnumerable<IChangeFeedSubscriber> subscribers, ILogger logger)
{
    private readonly IChangeFeedSubscriber[] _subscribers = subscribers.ToArray();
    private readonly long[] _positions = new long[subscribers.Count()];

    /// <summary>Every subscriber starts after <paramref name="position"/> (the newest outbox id at start-up).</summary>
    public void Start(long position) => Array.Fill(_positions, position);

    /// <summary>The lowest position of any subscriber: events at or below it are delivered everywhere and may be forgotten.</summary>
    public long Low => _positions.Length == 0 ? long.MaxValue : _positions.Min();

    /// <summary>
    /// Delivers what each subscriber may have of <paramref name="pending"/> (ascending ids).
    /// <paramref name="cursorOf"/> gives a stored handler's committed cursor (what this instance last read or wrote).
    /// </summary>
    public Task DeliverAsync(IReadOnlyList<ChangeFeedEntry> pending, Func<string, long> cursorOf,
        IReadOnlyDictionary<string, IReadOnlyList<object>> published, CancellationToken ct)
    {
        if (pending.Count == 0) return Task.CompletedTask;
        var newest = pending[^1].Id;
        var calls = new List<Task>(_subscribers.Length);
        for (var i = 0; i < _subscribers.Length; i++)
        {
            var subscriber = _subscribers[i];
            var upTo = subscriber.RunsAfter is { } handler ? Math.Min(cursorOf(handler), newest) : newest;
            var from = _positions[i];
            if (upTo <= from) continue;
            var entries = pending.Where(e => e.Id > from && e.Id <= upTo).ToList();
            _positions[i] = upTo;
            if (entries.Count == 0) continue;
            calls.Add(CallAsync(subscriber, new ChangeBatch(entries, published), ct));
        }
        return Task.WhenAll(calls);
    }

    private async Task CallAsync(IChangeFeedSubscriber subscriber, ChangeBatch batch, CancellationToken ct)
    {
        try { await subscriber.OnChangesAsync(batch, ct); }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Change feed subscriber {Subscriber} failed on events {First}–{Last}; the others are unaffected.",
                subscriber.GetType().Name, batch.Entries[0].Id, batch.Entries[^1].Id);
        }
    }
}
