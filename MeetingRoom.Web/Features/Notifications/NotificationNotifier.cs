using System.Collections.Concurrent;

namespace MeetingRoom.Web.Features.Notifications;

/// <summary>
/// In-process push of "your notifications changed" to the signed-in member's components (the bell),
/// keyed by member id. Singleton; subscribers dispose their handle; a failing subscriber is ignored.
/// </summary>
public sealed class NotificationNotifier(ILogger<NotificationNotifier> logger)
{
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _byMember = new();

    public IDisposable Subscribe(string memberId, Func<Task> onChanged)
    {
        _byMember.AddOrUpdate(memberId, _ => new([onChanged]), (_, h) => new([.. h.Items, onChanged]));
        return new Subscription(() => _byMember.AddOrUpdate(memberId, _ => new([]), (_, h) => new(h.Items.Where(x => x != onChanged).ToArray())));
    }

    public Task PublishAsync(IEnumerable<string> memberIds) =>
        Task.WhenAll(memberIds.Distinct().SelectMany(id => _byMember.TryGetValue(id, out var h) ? h.Items : []).Select(async handler =>
        {
            try { await handler(); }
            catch (Exception e) { logger.LogWarning(e, "A notification subscriber failed."); }
        }));

    private sealed record ImmutableHandlers(Func<Task>[] Items);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) dispose();
        }
    }
}
