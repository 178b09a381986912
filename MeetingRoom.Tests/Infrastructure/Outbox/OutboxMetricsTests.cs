using System.Diagnostics.Metrics;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Infrastructure.Outbox;

/// <summary>
/// Issue 24: the change feed reports each stored handler's lag after every pass (messages behind, age of the oldest,
/// from the feed's own position and cursors) and the pushers the time from a change's commit to its push.
/// </summary>
public sealed class OutboxMetricsTests(OutboxMetricsTests.Factory app) : IClassFixture<OutboxMetricsTests.Factory>
{
    public sealed class Factory : FailingHandlerFactory<NotificationProjection>;

    private MetricCollector<T> Collect<T>(string instrument) where T : struct =>
        new(app.Services.GetRequiredService<IMeterFactory>(), MeetingRoomMetrics.MeterName, instrument);

    /// <summary>Waits (up to 15 s) until the last observed value of <paramref name="collector"/> for <paramref name="handler"/> matches.</summary>
    private static async Task<T> ObserveAsync<T>(MetricCollector<T> collector, string handler, Func<T, bool> match) where T : struct
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        T? last = null;
        while (true)
        {
            collector.RecordObservableInstruments();
            var seen = collector.GetMeasurementSnapshot().LastOrDefault(m => Equals(m.Tags.GetValueOrDefault("handler"), handler));
            if (seen is not null && match(seen.Value)) return seen.Value;
            last = seen?.Value;
            try { await Task.Delay(20, cts.Token); }
            catch (OperationCanceledException) { Assert.Fail($"The {handler} lag never matched; last {last}."); }
        }
    }

    [Fact]
    public async Task A_failing_handler_s_lag_grows_with_its_unhandled_messages_and_returns_to_zero_once_it_catches_up()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Lagging");
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
        using var seconds = Collect<double>("meetingroom.outbox.lag");
        using var messages = Collect<long>("meetingroom.outbox.lag_messages");
        using var pushed = Collect<double>("meetingroom.push.latency");

        app.Switch.Failing = true;
        await member.BookOkAsync(room, Today, "10:00");
        app.Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.True(await ObserveAsync(messages, NotificationProjection.HandlerName, n => n >= 1) >= 1);
        Assert.True(await ObserveAsync(seconds, NotificationProjection.HandlerName, s => s >= 30) >= 30);
        await ObserveAsync(messages, ScheduleProjection.HandlerName, n => n == 0); // the others moved on
        await pushed.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(15)); // the schedule push, from commit
        Assert.All(pushed.GetMeasurementSnapshot(), m => Assert.True(m.Value >= 0));

        app.Switch.Failing = false;
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
        await ObserveAsync(messages, NotificationProjection.HandlerName, n => n == 0);
        await ObserveAsync(seconds, NotificationProjection.HandlerName, s => s == 0);
    }
}
