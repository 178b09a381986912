using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;

namespace MeetingRoom.Web.Features.Notifications;

/// <summary>
/// Tells this instance's bells what changed (B7): for every event, once the notifications hold it
/// (<see cref="RunsAfter"/>: the notification projection only, so a failing schedule side never holds up a
/// bell, and the other way round), publishes the members whose notifications changed to
/// <see cref="NotificationNotifier"/>. Like <see cref="LiveSchedulePusher"/>, its cursor is this process's own,
/// in memory: every instance pushes to its own connections, starting at the newest event.
/// </summary>
public sealed class LiveInboxPusher(NotificationNotifier inbox, Microsoft.Extensions.Options.IOptions<InstanceOptions> instance) : IOutboxHandler
{
    private readonly HashSet<string> _members = [];

    public string Name => $"bell:{instance.Value.Name}";

    public IReadOnlyList<string> RunsAfter { get; } = [NotificationProjection.HandlerName];

    public bool StoresCursor => false;

    public Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (NotificationProjection.MemberToldOf(domainEvent) is { } member) _members.Add(member.Value);
        return Task.CompletedTask;
    }

    public async Task AfterCommitAsync(CancellationToken ct)
    {
        if (_members.Count > 0) await inbox.PublishAsync(_members);
    }
}
