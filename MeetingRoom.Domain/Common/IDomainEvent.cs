namespace MeetingRoom.Domain.Common;

/// <summary>A fact the domain announces after a state change. Instants are UTC.</summary>
public interface IDomainEvent
{
    /// <summary>When the change happened (UTC, from the caller's <c>TimeProvider</c>).</summary>
    DateTimeOffset OccurredAt { get; }
}
