using MeetingRoom.Web.Features.Admin;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Board;

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
/// on connecting, and for any other date they <see cref="Watch"/>. After a reconnect a client should
/// reload a snapshot (<c>GET /api/schedule</c> or the page) and then ignore versions lower than it has.
/// </summary>
public sealed class ScheduleHub(SiteRulesProvider rules, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/schedule";
    public const string ChangedMethod = "ScheduleChanged";

    public static string GroupFor(DateOnly date) => $"date:{date:yyyy-MM-dd}";

    public override async Task OnConnectedAsync()
    {
        var today = (await rules.GetAsync()).LocalDate(clock.GetUtcNow());
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(today));
        await base.OnConnectedAsync();
    }

    /// <summary>Also receive changes of <paramref name="date"/> ("YYYY-MM-DD", site-local).</summary>
    /// <exception cref="HubException">when the date is not YYYY-MM-DD.</exception>
    public async Task Watch(string date)
    {
        if (!TimeInput.TryParseDate(date, out var day)) throw new HubException("Give the date as YYYY-MM-DD.");
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(day));
    }

    /// <summary>Stop receiving changes of <paramref name="date"/>.</summary>
    public async Task Unwatch(string date)
    {
        if (TimeInput.TryParseDate(date, out var day))
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(day));
    }
}

/// <summary>Forwards every published schedule change to the hub group of its date (singleton hosted service).</summary>
public sealed class ScheduleHubBridge(ScheduleNotifier notifier, IHubContext<ScheduleHub> hub, IOptions<BoardOptions> options) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken ct)
    {
        _subscription = notifier.Subscribe(changes => Task.WhenAll(changes
            .Select(c => options.Value.ShowBookerNames ? c : c with { BookedBy = null })
            .GroupBy(c => c.Date)
            .SelectMany(g => g.Select(c => hub.Clients.Group(ScheduleHub.GroupFor(g.Key)).SendAsync(ScheduleHub.ChangedMethod, c))))); 
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
