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
}

/// <summary>How far one handler has got through the outbox, and its last failure.</summary>
public sealed class OutboxCursor
{
    /// <summary>The handler's stable name, e.g. "schedule".</summary>
    public string Handler { get; set; } = "";
    /// <summary>Id of the last message the handler applied (its changes and this value commit together).</summary>
    public long LastMessageId { get; set; }
    /// <summary>Consecutive failed attempts at the next message(s); 0 when healthy.</summary>
    public int FailedAttempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
