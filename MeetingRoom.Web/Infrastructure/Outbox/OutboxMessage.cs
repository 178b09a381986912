using MeetingRoom.Domain.Common;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// A domain event written in the same transaction as the change that raised it (the
/// transactional outbox). Each handler reads the messages in <see cref="Id"/> order from its own
/// <see cref="OutboxCursor"/>, so handlers progress and fail independently.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>Event type name, e.g. "BookingPlaced".</summary>
    public string Type { get; set; } = "";
    /// <summary>The event as JSON.</summary>
    public string Payload { get; set; } = "";
    /// <summary>When the event happened (UTC).</summary>
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>
    /// The W3C <c>traceparent</c> of the span that wrote the row (e.g. <c>00-4bf92f35…-00f067aa…-01</c>), so that the
    /// handlers' and pushes' spans join the writer's trace; null when tracing was off or nothing was being traced.
    /// </summary>
    public string? TraceParent { get; set; }
    /// <summary>The W3C <c>tracestate</c> that came with <see cref="TraceParent"/>; null when there was none.</summary>
    public string? TraceState { get; set; }

    /// <summary>
    /// The event this row was written from, in the process and save that wrote it (not stored: null on a row read back), so
    /// the writer's own save hooks (<c>HeldSlotsEvictor</c>) need not read the JSON they just wrote.
    /// </summary>
    public IDomainEvent? Event { get; init; }
}
