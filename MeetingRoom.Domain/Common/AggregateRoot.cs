namespace MeetingRoom.Domain.Common;

/// <summary>
/// Base of every aggregate: collects the domain events its transitions raise until the
/// persistence layer writes them to the outbox in the same transaction as the change
/// (the pattern of dotnet/eShop's Ordering.Domain).
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>Events raised since the aggregate was loaded or last saved, oldest first.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    /// <summary>Called by persistence once the events are safely in the outbox.</summary>
    public void ClearDomainEvents() => _domainEvents.Clear();
}
