using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Infrastructure.Observability;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// In-process publish/subscribe of <see cref="ScheduleUpdate"/>s (singleton). Blazor components
/// subscribe and re-render through <c>InvokeAsync(StateHasChanged)</c>, and dispose the
/// subscription when they are disposed; the SignalR bridge subscribes once. A failing subscriber
/// never affects the publisher or the other subscribers. Subscriptions of a kind (board, door, page) are counted in
/// <see cref="MeetingRoomMetrics"/>'s live subscribers while they last.
/// </summary>
public sealed class ScheduleNotifier(ILogger<ScheduleNotifier> logger, MeetingRoomMetrics? metrics = null)
{
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    /// <summary>
    /// Calls <paramref name="handler"/> for every change until the returned handle is disposed. A <paramref name="kind"/>
    /// (<see cref="MeetingRoomMetrics.BoardSubscriber"/>, …) counts the subscription as a live subscriber of that kind
    /// until then; null (the hub bridge) is not counted.
    /// </summary>
    public IDisposable Subscribe(Func<ScheduleUpdate, Task> handler, string? kind = null)
    {
        lock (_gate) _subscribers = _subscribers.Add(handler);
        if (kind is not null) metrics?.LiveSubscriber(kind, +1);
        return new Subscription(this, handler, kind);
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

    private void Unsubscribe(Func<ScheduleUpdate, Task> handler, string? kind)
    {
        lock (_gate) _subscribers = _subscribers.Remove(handler);
        if (kind is not null) metrics?.LiveSubscriber(kind, -1);
    }

    private sealed record ImmutableSubscribers(Func<ScheduleUpdate, Task>[] Handlers)
    {
        public static readonly ImmutableSubscribers Empty = new([]);
        public ImmutableSubscribers Add(Func<ScheduleUpdate, Task> h) => new([.. Handlers, h]);
        public ImmutableSubscribers Remove(Func<ScheduleUpdate, Task> h) => new(Handlers.Where(x => x != h).ToArray());
    }

    private sealed class Subscription(ScheduleNotifier owner, Func<ScheduleUpdate, Task> handler, string? kind) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Unsubscribe(handler, kind);
        }
    }
}
