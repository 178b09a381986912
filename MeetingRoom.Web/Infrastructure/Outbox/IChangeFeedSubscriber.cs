namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// Something in this instance that hears every new event, in memory, from the one <see cref="ChangeFeed"/> of the
/// instance: the schedule push to circuits and hub clients, the bell, the held slots. Singleton; register with
/// <c>services.AddSingleton&lt;IChangeFeedSubscriber, T&gt;()</c>. Its position is in memory and starts at the newest
/// event when the instance starts (screens load a snapshot when they connect). A failing subscriber is logged and
/// never holds up the feed or the other subscribers; the batch it failed on is not offered again.
/// </summary>
public interface IChangeFeedSubscriber
{
    /// <summary>
    /// The stored handler (<see cref="IOutboxHandler.Name"/>) this subscriber waits for: it is offered only events
    /// that handler has committed (e.g. pushing a schedule change only once the read model holds it). Null: at once.
    /// </summary>
    string? RunsAfter => null;

    /// <summary>Takes the next events (never empty). Called by one feed loop at a time.</summary>
    Task OnChangesAsync(ChangeBatch batch, CancellationToken ct);
}
