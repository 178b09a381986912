using System.Net;
using MeetingRoom.Tests.Support;
using Microsoft.AspNetCore.Http;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Infrastructure.Observability;

/// <summary><c>/metrics</c> for Prometheus (issue 24): on only when configured, only for <c>Observability:MetricsNetworks</c>.</summary>
[Collection(OpenTelemetryCollection.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_are_not_served_when_prometheus_is_off()
    {
        using var app = new MeetingRoomFactory();

        var response = await app.Anonymous().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Loopback_reads_our_counter_and_the_request_histogram_under_their_prometheus_names()
    {
        using var app = new PrometheusFactory();
        var admin = await app.SignInNewAsync(admin: true);
        await (await app.SignInNewAsync()).BookOkAsync(await admin.CreateRoomAsync("Scraped"), Today, "10:00");

        var text = await ScrapeAsync(app, "meetingroom_bookings_total");

        Assert.Contains("# TYPE meetingroom_bookings_total counter", text);
        Assert.Matches("meetingroom_bookings_total\\{[^}]*result=\"created\"[^}]*\\} 1", text);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("::ffff:203.0.113.9")]
    [InlineData("10.0.0.7")]
    public async Task A_client_outside_the_metrics_networks_gets_404(string client)
    {
        using var app = new PrometheusFactory { Client = IPAddress.Parse(client) };

        var response = await app.Anonymous().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_relayed_by_a_local_proxy_is_judged_by_its_forwarded_client()
    {
        using var app = new PrometheusFactory(); // the proxy (nginx) is on loopback: a trusted proxy
        var http = app.Anonymous().Http;

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(forwarded)).StatusCode);
        using var local = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "127.0.0.1" } } };
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(local)).StatusCode);
    }

    [Fact]
    public async Task A_listed_network_reads_the_metrics()
    {
        using var app = new PrometheusFactory { Client = IPAddress.Parse("10.0.0.7"), Settings = { ["Observability:MetricsNetworks:0"] = "10.0.0.0/8" } };

        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/metrics")).StatusCode);
        app.Client = IPAddress.Loopback; // the list replaced the default
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public void An_invalid_metrics_network_stops_the_start_with_a_clear_message()
    {
        using var app = new PrometheusFactory { Settings = { ["Observability:MetricsNetworks:0"] = "10.0.0.0/33" } };

        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var message = e is AggregateException a ? string.Join("\n", a.Flatten().InnerExceptions.Select(i => i.Message)) : e.Message;
        Assert.Contains("Observability:MetricsNetworks: \"10.0.0.0/33\" is not a network in CIDR notation", message);
    }

    /// <summary>Scrapes until <paramref name="expected"/> shows (the exporter may answer from a cache of a few hundred ms).</summary>
    private static async Task<string> ScrapeAsync(MeetingRoomFactory app, string expected)
    {
        var http = app.Anonymous();
        for (var i = 0; ; i++)
        {
            var response = await http.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            if (text.Contains(expected) || i == 50) return text;
            await Task.Delay(100);
        }
    }
}
