using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Infrastructure.Persistence;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// Something that reacts to domain events from the outbox (the schedule read model, notifications).
/// The dispatcher calls <see cref="ApplyAsync"/> for a batch of events in order, inside one
/// transaction that also advances the handler's cursor, then calls the returned after-commit
/// action (e.g. push to subscribers). Handlers must be idempotent: a message may be offered again
/// after a failure.
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

    /// <summary>
    /// Handlers this one runs behind: it is offered only messages all of them have applied (e.g. pushing
    /// a change only once the read model holds it). Empty by default.
    /// </summary>
    IReadOnlyList<string> RunsAfter => [];

    /// <summary>
    /// Whether the cursor is stored (true, default: the handler's changes and its cursor commit together).
    /// A handler that writes nothing (pushing to this instance's screens) keeps it in memory instead, saving a
    /// write transaction per batch; it then always starts at the newest message.
    /// </summary>
    bool StoresCursor => true;
}
