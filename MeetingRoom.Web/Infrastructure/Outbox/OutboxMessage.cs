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
