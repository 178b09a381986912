using System.Net;
using System.Net.Http.Json;
using MeetingRoom.Tests.Support;
using Xunit.Abstractions;

namespace MeetingRoom.Tests.ScaleOut;

/// <summary>
/// Issue 24 on real parts: Debian's prometheus, started on 127.0.0.1 by the test, scrapes <c>/metrics</c> of the two
/// instances of the <see cref="ScaleOutCluster"/> (Prometheus on, loopback may read it) and shows the bookings made
/// through each in <c>meetingroom_bookings_total</c>.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class PrometheusScrapeTests(ScaleOutCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Prometheus_scrapes_both_instances_and_shows_the_bookings_made_through_each()
    {
        using var prometheus = await PrometheusServer.StartAsync([$"127.0.0.1:{cluster.A.Port}", $"127.0.0.1:{cluster.B.Port}"], TimeSpan.FromSeconds(1));
        var date = ScaleOutCluster.Day(9);
        var rooms = cluster.RoomIds;
        var start = cluster.PeriodStarts[0];
        using var throughA = await ScaleOutCluster.SignInAsync(cluster.A.BaseUrl, "member1@demo.local");
        using var throughB = await ScaleOutCluster.SignInAsync(cluster.B.BaseUrl, "member2@demo.local");
        for (var i = 0; i < 2; i++)
        {
            var a = await throughA.PostAsJsonAsync("/api/bookings", new { roomId = rooms[i], date, start });
            Assert.Equal(HttpStatusCode.Created, a.StatusCode);
            var b = await throughB.PostAsJsonAsync("/api/bookings", new { roomId = rooms[i + 2], date, start });
            Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        }
        var taken = await throughB.PostAsJsonAsync("/api/bookings", new { roomId = rooms[0], date, start });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        // Counters are cumulative per instance (other tests of the cluster book too): at least ours show on each.
        var created = PrometheusServer.ByLabel(await prometheus.WaitForAsync(
            "sum by (instance) (meetingroom_bookings_total{result=\"created\"})",
            r => PrometheusServer.ByLabel(r, "instance") is var v && v.GetValueOrDefault($"127.0.0.1:{cluster.A.Port}") >= 2
                 && v.GetValueOrDefault($"127.0.0.1:{cluster.B.Port}") >= 2), "instance");
        var slotTaken = await prometheus.WaitForAsync("sum(meetingroom_bookings_total{result=\"slot-taken\"})",
            r => r.GetArrayLength() == 1 && PrometheusServer.ByLabel(r, "instance")[""] >= 1);
        var requests = await prometheus.WaitForAsync("count by (instance) (http_server_request_duration_seconds_count)", r => r.GetArrayLength() == 2);
        output.WriteLine($"created by instance: {string.Join(", ", created)}; slot-taken: {slotTaken}; request series: {requests}");
    }
}
