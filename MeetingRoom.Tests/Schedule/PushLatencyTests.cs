using System.Diagnostics.Metrics;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Observability;
using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace MeetingRoom.Tests.Schedule;

/// <summary>
/// The push latency (<c>meetingroom.push.latency</c>, issue 24) measures what <see cref="LiveSchedulePusher"/> pushed: a
/// message in the same batch that changes no screen (here a change of the site rules) adds no measurement of its own.
/// </summary>
public sealed class PushLatencyTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    [Fact]
    public async Task A_message_that_changes_no_screen_adds_no_push_latency_beside_one_that_does()
    {
        // A pusher of its own on the app's services: the app's one is the feed loop's, which may be running a batch now.
        var pusher = ActivatorUtilities.CreateInstance<LiveSchedulePusher>(app.Services);
        using var latency = new MetricCollector<double>(app.Services.GetRequiredService<IMeterFactory>(), MeetingRoomMetrics.MeterName,
            "meetingroom.push.latency");
        var now = app.Clock.GetUtcNow();
        var batch = new ChangeBatch(
            [new ChangeFeedEntry(1, new RoomEdited(1, now.AddSeconds(-2))), new ChangeFeedEntry(2, new SiteRulesChanged(1, now.AddMinutes(-10)))],
            new Dictionary<string, IReadOnlyList<object>>());

        await pusher.OnChangesAsync(batch, CancellationToken.None);

        var seconds = latency.GetMeasurementSnapshot().Select(m => m.Value).ToList(); // pushes of the app's own start-up took 0 s
        Assert.Contains(2.0, seconds);
        Assert.DoesNotContain(600.0, seconds);
    }
}
