using MeetingRoom.Web.Features.Admin;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Schedule;

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
