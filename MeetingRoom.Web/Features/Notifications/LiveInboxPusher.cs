using MeetingRoom.Web.Infrastructure.Observability;
using MeetingRoom.Web.Infrastructure.Outbox;

namespace MeetingRoom.Web.Features.Notifications;

/// <summary>
/// Tells this instance's bells what changed (B7), as a subscriber of the instance's change feed: once the
/// notifications hold the events (<see cref="RunsAfter"/>: the notification projection only, so a failing schedule
/// side never holds up a bell, and the other way round), publishes the members whose notifications changed to
/// <see cref="NotificationNotifier"/>. No query. Every instance pushes to its own connections, from the newest event
/// at start-up. Each push is a span "push inbox" in the trace of each of its messages
/// (<see cref="OutboxTracing.StartEach"/>) and records the commit-to-push time of the messages it told of
/// (<see cref="MeetingRoomMetrics.Pushed"/>). Singleton.
/// </summary>
public sealed class LiveInboxPusher(NotificationNotifier inbox, MeetingRoomMetrics metrics, TimeProvider clock) : IChangeFeedSubscriber
{
    public string? RunsAfter => NotificationProjection.HandlerName;

    public async Task OnChangesAsync(ChangeBatch batch, CancellationToken ct)
    {
        var members = new HashSet<string>();
        foreach (var entry in batch.Entries)
            foreach (var member in NotificationProjection.MembersToldOf(entry.Event)) members.Add(member.Value);
        if (members.Count == 0) return;
        using (OutboxTracing.StartEach("push inbox", batch.Entries))
            await inbox.PublishAsync(members);
        var now = clock.GetUtcNow();
        foreach (var entry in batch.Entries)
            if (NotificationProjection.MembersToldOf(entry.Event).Any()) metrics.Pushed(now - entry.Event.OccurredAt);
    }
}
