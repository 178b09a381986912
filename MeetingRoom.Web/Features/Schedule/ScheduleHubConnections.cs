using MeetingRoom.Web.Features.Admin;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// This instance's <c>/hubs/schedule</c> connections and the dates each watches (singleton). Every instance has
/// its own change feed, so each sends every change to its own connections only: sending through the backplane
/// from every instance would deliver each change once per instance.
/// </summary>
public sealed class ScheduleHubConnections
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<DateOnly>> _dates = new();

    public void Watch(string connectionId, DateOnly date)
    {
        var dates = _dates.GetOrAdd(connectionId, _ => []);
        lock (dates) dates.Add(date);
    }

    public void Unwatch(string connectionId, DateOnly date)
    {
        if (_dates.TryGetValue(connectionId, out var dates)) lock (dates) dates.Remove(date);
    }

    public void Drop(string connectionId) => _dates.TryRemove(connectionId, out _);

    /// <summary>The connections watching <paramref name="date"/>.</summary>
    public IReadOnlyList<string> Watching(DateOnly date) =>
        _dates.Where(kv => { lock (kv.Value) return kv.Value.Contains(date); }).Select(kv => kv.Key).ToList();

    /// <summary>Every connection of this instance.</summary>
    public IReadOnlyList<string> All => _dates.Keys.ToList();

    public int Count => _dates.Count;
}
