using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// Applies the events of this instance's own saves to <see cref="HeldSlots"/> right after the save, so that a
/// slot cancelled (ended, released, denied, its room taken out of service…) here is bookable here at once, without
/// waiting for the change feed. (Within an explicit transaction the save comes before the commit; the change
/// feed, which only sees committed events, applies them again after it.) Singleton.
/// </summary>
public sealed class HeldSlotsEvictor(HeldSlots held) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// The events the save wrote are the outbox rows the context tracks (applying one twice is harmless); each row carries the
    /// event it was written from, so nothing is deserialized.
    /// </summary>
    private void Apply(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is null) return;
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<OutboxMessage>())
                if (!HeldSlots.KeepsHeld.Contains(entry.Entity.Type) && (entry.Entity.Event ?? DomainEventSerializer.FromOutbox(entry.Entity)) is { } domainEvent)
                    held.Apply(domainEvent);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
