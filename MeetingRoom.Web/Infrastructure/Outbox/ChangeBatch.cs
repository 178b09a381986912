namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// What the change feed hands to an <see cref="IChangeFeedSubscriber"/>: new events in outbox id order (ids after
/// the subscriber's last batch, without gaps the feed still waits for), and what the stored handlers that ran on
/// this instance in the same pass published (<see cref="IPublishesChanges"/>), keyed by handler name. A handler
/// that did not run here (another instance applied it) published nothing: the subscriber reads what it needs.
/// </summary>
public sealed class ChangeBatch(IReadOnlyList<ChangeFeedEntry> entries, IReadOnlyDictionary<string, IReadOnlyList<object>> published)
{
    public IReadOnlyList<ChangeFeedEntry> Entries { get; } = entries;

    /// <summary>What <paramref name="handler"/> published in this pass (e.g. the schedule rows it wrote), of type <typeparamref name="T"/>; empty if it did not run here.</summary>
    public IReadOnlyList<T> Published<T>(string handler) =>
        published.TryGetValue(handler, out var items) ? items.OfType<T>().ToList() : [];
}
