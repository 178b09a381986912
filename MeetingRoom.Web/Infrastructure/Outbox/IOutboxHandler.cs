using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Infrastructure.Persistence;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// A handler that stores state from the outbox's domain events (the schedule read model, notifications, the e-mail
/// queue, the waitlist hand-over), with a stored cursor. <see cref="ChangeFeed"/> calls <see cref="ApplyAsync"/> for
/// the events after the handler's cursor, in order, inside the feed's one transaction and the handler's own
/// savepoint; its cursor advances in the same transaction; then <see cref="AfterCommitAsync"/>. Handlers must be
/// idempotent: a message may be offered again after a failure. Scoped (one per pass). What only lives in this
/// instance (pushing to screens, in-memory caches) is an <see cref="IChangeFeedSubscriber"/> instead.
/// </summary>
public interface IOutboxHandler
{
    /// <summary>Stable name; the key of the handler's <see cref="OutboxCursor"/>.</summary>
    string Name { get; }

    /// <summary>Applies one event; changes go into <paramref name="db"/> (not yet saved).</summary>
    /// <param name="messageId">The outbox id: increases with every event; use it as a version.</param>
    Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct);

    /// <summary>Runs after the batch committed; failures here are logged, never retried.</summary>
    Task AfterCommitAsync(CancellationToken ct);
}
