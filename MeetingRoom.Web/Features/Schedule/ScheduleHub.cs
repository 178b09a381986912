using MeetingRoom.Web.Features.Admin;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Schedule;

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
