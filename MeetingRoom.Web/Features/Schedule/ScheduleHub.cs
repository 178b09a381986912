using MeetingRoom.Web.Features.Admin;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>Configuration section "Board".</summary>
public sealed class BoardOptions
{
    public const string Section = "Board";
    /// <summary>Require sign-in for /board and /hubs/schedule (default false: wall displays have no keyboard).</summary>
    public bool RequireSignIn { get; set; }
    /// <summary>Show who booked a slot on the board and to hub clients (default false).</summary>
    public bool ShowBookerNames { get; set; }
}

/// <summary>
/// <c>/hubs/schedule</c>: clients receive <c>ScheduleChanged</c> messages (a <see cref="ScheduleChange"/>:
/// roomId, date "YYYY-MM-DD", start "HH:mm", state, version, …) for today's slots (site-local date)
/// on connecting, and for any other date they <see cref="Watch"/>; and <c>RoomsChanged</c> (no arguments) when a
/// room was registered, edited or deleted. After a reconnect, or on <c>RoomsChanged</c>, a client should
/// reload a snapshot (<c>GET /api/schedule</c> or the page) and then ignore versions lower than it has.
/// </summary>
public sealed class ScheduleHub(SiteRulesProvider rules, TimeProvider clock, ScheduleHubConnections connections) : Hub
{
    public const string Path = "/hubs/schedule";
    public const string ChangedMethod = "ScheduleChanged";
    public const string RoomsChangedMethod = "RoomsChanged";

    public override async Task OnConnectedAsync()
    {
        var today = (await rules.GetAsync()).LocalDate(clock.GetUtcNow());
        connections.Watch(Context.ConnectionId, today);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Drop(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Also receive changes of <paramref name="date"/> ("YYYY-MM-DD", site-local).</summary>
    /// <exception cref="HubException">when the date is not YYYY-MM-DD.</exception>
    public Task Watch(string date)
    {
        if (!TimeInput.TryParseDate(date, out var day)) throw new HubException(MeetingRoom.Web.Infrastructure.Http.ProblemText.Get("DateFormat"));
        connections.Watch(Context.ConnectionId, day);
        return Task.CompletedTask;
    }

    /// <summary>Stop receiving changes of <paramref name="date"/>.</summary>
    public Task Unwatch(string date)
    {
        if (TimeInput.TryParseDate(date, out var day)) connections.Unwatch(Context.ConnectionId, day);
        return Task.CompletedTask;
    }
}

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

/// <summary>
/// Forwards every schedule change published on this instance to this instance's hub connections watching its date,
/// and "rooms changed" to all of them (singleton hosted service). Connections are addressed one by one, which the
/// Redis backplane answers locally, without a round trip through Redis.
/// </summary>
public sealed class ScheduleHubBridge(ScheduleNotifier notifier, IHubContext<ScheduleHub> hub, ScheduleHubConnections connections,
    IOptions<BoardOptions> options) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken ct)
    {
        _subscription = notifier.Subscribe(update => Task.WhenAll(Sends(update)));
        return Task.CompletedTask;
    }

    private IEnumerable<Task> Sends(ScheduleUpdate update)
    {
        if (update.RoomsChanged)
            foreach (var id in connections.All) yield return hub.Clients.Client(id).SendAsync(ScheduleHub.RoomsChangedMethod);
        foreach (var byDate in update.Slots.GroupBy(c => c.Date))
        {
            var watching = connections.Watching(byDate.Key);
            if (watching.Count == 0) continue;
            foreach (var change in byDate)
            {
                var shown = options.Value.ShowBookerNames ? change : change with { BookedBy = null };
                foreach (var id in watching) yield return hub.Clients.Client(id).SendAsync(ScheduleHub.ChangedMethod, shown);
            }
        }
    }

    public Task StopAsync(CancellationToken ct)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
