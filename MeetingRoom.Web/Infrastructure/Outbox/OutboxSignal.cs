using System.Threading.Channels;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// Wakes the dispatcher loops as soon as a transaction wrote outbox rows in this process (they also
/// poll, for rows written by other instances). Singleton.
/// </summary>
public sealed class OutboxSignal
{
    private readonly List<Channel<bool>> _listeners = [];
    private readonly Lock _gate = new();

    public ChannelReader<bool> Listen()
    {
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        lock (_gate) _listeners.Add(channel);
        return channel.Reader;
    }

    public void Notify()
    {
        lock (_gate)
            foreach (var listener in _listeners) listener.Writer.TryWrite(true);
    }
}

/// <summary>Calls <see cref="OutboxSignal.Notify"/> after a save that wrote outbox rows.</summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Notify(eventData);
        return ValueTask.FromResult(result);
    }

    private void Notify(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context is AppDbContext { TakeOutboxWritten: true }) signal.Notify();
    }
}
