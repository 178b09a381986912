using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// In-process publish/subscribe of <see cref="ScheduleUpdate"/>s (singleton). Blazor components
/// subscribe and re-render through <c>InvokeAsync(StateHasChanged)</c>, and dispose the
/// subscription when they are disposed; the SignalR bridge subscribes once. A failing subscriber
/// never affects the publisher or the other subscribers.
/// </summary>
public sealed class ScheduleNotifier(ILogger<ScheduleNotifier> logger)
{
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    /// <summary>Calls <paramref name="handler"/> for every change until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<ScheduleUpdate, Task> handler)
    {
        lock (_gate) _subscribers = _subscribers.Add(handler);
        return new Subscription(this, handler);
    }

    /// <summary>Delivers <paramref name="changes"/> (one batch of slot changes) to every subscriber, concurrently.</summary>
    public Task PublishAsync(IReadOnlyList<ScheduleChange> changes) => PublishAsync(new ScheduleUpdate(changes));

    /// <summary>Delivers <paramref name="update"/> (one batch) to every subscriber, concurrently.</summary>
    public Task PublishAsync(ScheduleUpdate update)
    {
        if (update.Slots.Count == 0 && !update.RoomsChanged && update.DoorDisplaysRevokedIn is not { Count: > 0 }) return Task.CompletedTask;
        var handlers = _subscribers.Handlers;
        return Task.WhenAll(handlers.Select(async handler =>
        {
            try { await handler(update); }
            catch (Exception e) { logger.LogWarning(e, "A schedule subscriber failed; others are unaffected."); }
        }));
    }

    public int SubscriberCount => _subscribers.Handlers.Length;

    private void Unsubscribe(Func<ScheduleUpdate, Task> handler)
    {
        lock (_gate) _subscribers = _subscribers.Remove(handler);
    }

    private sealed record ImmutableSubscribers(Func<ScheduleUpdate, Task>[] Handlers)
    {
        public static readonly ImmutableSubscribers Empty = new([]);
        public ImmutableSubscribers Add(Func<ScheduleUpdate, Task> h) => new([.. Handlers, h]);
        public ImmutableSubscribers Remove(Func<ScheduleUpdate, Task> h) => new(Handlers.Where(x => x != h).ToArray());
    }

    private sealed class Subscription(ScheduleNotifier owner, Func<ScheduleUpdate, Task> handler) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Unsubscribe(handler);
        }
    }
}
