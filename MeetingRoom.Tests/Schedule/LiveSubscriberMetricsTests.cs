using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingRoom.Tests.Schedule;

/// <summary>
/// Live subscribers by kind (issue 24): a board, door or page subscription of the <see cref="ScheduleNotifier"/> and a
/// hub connection (<see cref="ScheduleHubConnections"/>) count +1 while they last and -1 when they end, once each.
/// </summary>
public sealed class LiveSubscriberMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<MeetingRoomMetrics>().BuildServiceProvider();
    private readonly MetricCollector<long> _subscribers;

    public LiveSubscriberMetricsTests() =>
        _subscribers = new MetricCollector<long>(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            MeetingRoomMetrics.MeterName, "meetingroom.live.subscribers");

    private MeetingRoomMetrics Metrics => _services.GetRequiredService<MeetingRoomMetrics>();

    /// <summary>The up-down counter's current value per kind (the sum of its +1s and -1s).</summary>
    private Dictionary<string, long> Live() => _subscribers.GetMeasurementSnapshot()
        .GroupBy(m => (string)m.Tags["kind"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));

    [Fact]
    public void Schedule_subscriptions_of_a_kind_count_while_they_last_and_the_hub_bridge_does_not_count()
    {
        var notifier = new ScheduleNotifier(NullLogger<ScheduleNotifier>.Instance, Metrics);

        var board = notifier.Subscribe(_ => Task.CompletedTask, MeetingRoomMetrics.BoardSubscriber);
        using var door = notifier.Subscribe(_ => Task.CompletedTask, MeetingRoomMetrics.DoorSubscriber);
        using var page = notifier.Subscribe(_ => Task.CompletedTask, MeetingRoomMetrics.PageSubscriber);
        using var bridge = notifier.Subscribe(_ => Task.CompletedTask);
        Assert.Equal(new Dictionary<string, long> { ["board"] = 1, ["door"] = 1, ["page"] = 1 }, Live());

        board.Dispose();
        board.Dispose(); // twice: counted once
        Assert.Equal(new Dictionary<string, long> { ["board"] = 0, ["door"] = 1, ["page"] = 1 }, Live());
    }

    [Fact]
    public void A_hub_connection_counts_from_its_first_watch_until_it_is_dropped()
    {
        var connections = new ScheduleHubConnections(Metrics);
        var today = new DateOnly(2026, 11, 23);

        connections.Watch("a", today);
        connections.Watch("a", today.AddDays(1)); // the same connection watching another date
        connections.Watch("b", today);
        Assert.Equal(2, Live()["hub"]);

        connections.Drop("a");
        connections.Drop("a");
        Assert.Equal(1, Live()["hub"]);
        connections.Drop("b");
        Assert.Equal(0, Live()["hub"]);
    }

    public void Dispose()
    {
        _subscribers.Dispose();
        _services.Dispose();
    }
}
