namespace MeetingRoom.Web.Infrastructure.Outbox;

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
