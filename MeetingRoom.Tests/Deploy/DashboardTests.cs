using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingRoom.Tests.Browser;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Observability;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MeetingRoom.Tests.Deploy;

/// <summary>
/// <c>deploy/grafana/meetingroom.json</c> and <c>deploy/prometheus/alerts.yml</c> against the app: the dashboard loads,
/// and every metric their PromQL names is one the app really exports at <c>/metrics</c> (scraped from 127.0.0.1 after
/// requests, a booking, a board page's Blazor circuit and one measurement on each of the app's own instruments).
/// </summary>
[Collection(OpenTelemetryCollection.Name)]
public sealed class DashboardTests(MetricsBrowserApp app, ITestOutputHelper output) : IClassFixture<MetricsBrowserApp>
{
    private static readonly string Repository = RepositoryFolder.Root;
    private static readonly string DashboardPath = Path.Combine(Repository, "deploy", "grafana", "meetingroom.json");
    private static readonly string RulesPath = Path.Combine(Repository, "deploy", "prometheus", "alerts.yml");

    [Fact]
    public void Dashboard_loads_with_a_prometheus_datasource_variable_and_an_instance_variable()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var root = dashboard.RootElement;

        Assert.InRange(root.GetProperty("schemaVersion").GetInt32(), 36, 41);
        var variables = root.GetProperty("templating").GetProperty("list").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        Assert.Equal(("datasource", "prometheus"), (variables["datasource"].GetProperty("type").GetString(), variables["datasource"].GetProperty("query").GetString()));
        Assert.Equal("query", variables["instance"].GetProperty("type").GetString());
        var panels = root.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row").ToList();
        Assert.NotEmpty(panels);
        Assert.All(panels, p =>
        {
            Assert.Equal("${datasource}", p.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.All(p.GetProperty("targets").EnumerateArray(), t => Assert.Contains("$instance", t.GetProperty("expr").GetString()));
        });
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
    }

    [Fact]
    public async Task Dashboard_and_alert_rules_reference_only_metrics_the_app_exports()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var referenced = PromQlMetricNames.DashboardQueries(dashboard.RootElement)
            .Concat(PromQlMetricNames.RuleExpressions(File.ReadAllText(RulesPath)))
            .SelectMany(PromQlMetricNames.InExpression).ToHashSet();
        Assert.Contains("meetingroom_bookings_total", referenced);
        Assert.Contains("http_server_request_duration_seconds_count", referenced);

        app.Clock.Set(MeetingRoomFactory.DefaultNow); // Monday 10:05 in Seoul: the 10:00 period is open
        var roomId = await app.CreateRoomAsync($"Metrics room {Guid.NewGuid().ToString("N")[..4]}", 70);
        try
        {
            // HTTP answers (ASP.NET Core, Kestrel), a booking through the API, and a board page's circuit (Blazor, SignalR).
            using var api = await SignInAsync(await app.CreateUserAsync("Min-jun Park"));
            var booking = await api.PostAsJsonAsync("/api/bookings", new { roomId, date = MeetingRoomFactory.Today, start = "10:00" });
            Assert.True(booking.StatusCode == HttpStatusCode.Created, $"book: {(int)booking.StatusCode} {await booking.Content.ReadAsStringAsync()}");
            var board = await app.OpenBoardAsync();
            try
            {
                // One measurement on each of the app's own instruments (those the requests above may not reach).
                var metrics = app.Services.GetRequiredService<MeetingRoomMetrics>();
                metrics.BookingAnswered("created");
                metrics.OpeningAttemptAnswered(TimeSpan.FromMilliseconds(40));
                metrics.Pushed(TimeSpan.FromMilliseconds(20));
                metrics.LiveSubscriber("hub", +1);
                metrics.LiveSubscriber("hub", -1);
                metrics.EmailFailed();
                metrics.EmailQueueLength(0);
                metrics.AutoReleased();
                metrics.OutboxLag("schedule", TimeSpan.Zero, 0);

                var exported = await ScrapeUntilAsync(referenced);

                output.WriteLine($"referenced: {string.Join(", ", referenced.Order())}");
                output.WriteLine($"exported: {string.Join(", ", exported.Order())}");
                var missing = referenced.Except(exported).Order().ToList();
                Assert.True(missing.Count == 0,
                    $"The dashboard or the alert rules name metrics the app does not export: {string.Join(", ", missing)}.\n" +
                    $"The app exports: {string.Join(", ", exported.Where(n => PromQlMetricNames.Prefixes.Any(n.StartsWith)).Order())}");
            }
            finally
            {
                await board.Context.CloseAsync();
            }
        }
        finally
        {
            await app.DeleteRoomsAsync(roomId);
        }
    }

    /// <summary>Scrapes <c>/metrics</c> from 127.0.0.1 until every name in <paramref name="expected"/> is there or 20 s passed; returns the last scrape's names.</summary>
    private async Task<IReadOnlySet<string>> ScrapeUntilAsync(IReadOnlySet<string> expected)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var response = await http.GetAsync("/metrics");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/metrics: {(int)response.StatusCode}");
            var names = PromQlMetricNames.InScrape(await response.Content.ReadAsStringAsync());
            if (expected.IsSubsetOf(names) || DateTime.UtcNow > deadline) return names;
            await Task.Delay(500); // the exporter caches a scrape briefly; observable instruments are read on each
        }
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = BrowserApp.Password });
        Assert.True(login.IsSuccessStatusCode, $"login: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
