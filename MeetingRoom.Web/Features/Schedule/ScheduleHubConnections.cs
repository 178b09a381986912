using MeetingRoom.Web.Features.Admin;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MeetingRoom.Web.Infrastructure.Observability;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// This instance's <c>/hubs/schedule</c> connections and the dates each watches (singleton). Every instance has
/// its own change feed, so each sends every change to its own connections only: sending through the backplane
/// from every instance would deliver each change once per instance. Each connection is counted in
/// <see cref="MeetingRoomMetrics"/>'s live subscribers (kind hub) from its first <see cref="Watch"/> to its <see cref="Drop"/>.
/// </summary>
public sealed class ScheduleHubConnections(MeetingRoomMetrics? metrics = null)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<DateOnly>> _dates = new();

    public void Watch(string connectionId, DateOnly date)
    {
        HashSet<DateOnly>? dates;
        while (!_dates.TryGetValue(connectionId, out dates))
        {
            if (!_dates.TryAdd(connectionId, dates = [])) continue; // added (or dropped) meanwhile: look again
            metrics?.LiveSubscriber(MeetingRoomMetrics.HubSubscriber, +1);
            break;
        }
        lock (dates) dates.Add(date);
    }

    public void Unwatch(string connectionId, DateOnly date)
    {
        if (_dates.TryGetValue(connectionId, out var dates)) lock (dates) dates.Remove(date);
    }

    public void Drop(string connectionId)
    {
        if (_dates.TryRemove(connectionId, out _)) metrics?.LiveSubscriber(MeetingRoomMetrics.HubSubscriber, -1);
    }

    /// <summary>The connections watching <paramref name="date"/>.</summary>
    public IReadOnlyList<string> Watching(DateOnly date) =>
        _dates.Where(kv => { lock (kv.Value) return kv.Value.Contains(date); }).Select(kv => kv.Key).ToList();

    /// <summary>Every connection of this instance.</summary>
    public IReadOnlyList<string> All => _dates.Keys.ToList();

    public int Count => _dates.Count;
}
