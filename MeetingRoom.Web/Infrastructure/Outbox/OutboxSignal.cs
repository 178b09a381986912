using System.Data.Common;
using System.Threading.Channels;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// Wakes this instance's <see cref="ChangeFeed"/> the moment outbox rows are committed (once per commit): <see cref="Notify"/> for a commit in
/// this process (it also tells the other instances, through <see cref="Committed"/>: see
/// <see cref="RedisOutboxWake"/>), <see cref="NotifyLocal"/> for a commit another instance reported. The
/// feed also polls (<c>Outbox:PollMilliseconds</c>) as a safety net, never as the path. Singleton.
/// </summary>
public sealed class OutboxSignal
{
    private readonly List<Channel<bool>> _listeners = [];
    private readonly Lock _gate = new();

    /// <summary>Raised by <see cref="Notify"/>: outbox rows were committed in this process.</summary>
    public event Action? Committed;

    public ChannelReader<bool> Listen()
    {
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        lock (_gate) _listeners.Add(channel);
        return channel.Reader;
    }

    /// <summary>Outbox rows were committed here: wake this process's loops and tell the other instances.</summary>
    public void Notify()
    {
        NotifyLocal();
        Committed?.Invoke();
    }

    /// <summary>Wake this process's loops only.</summary>
    public void NotifyLocal()
    {
        lock (_gate)
            foreach (var listener in _listeners) listener.Writer.TryWrite(true);
    }
}
