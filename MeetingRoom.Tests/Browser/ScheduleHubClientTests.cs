using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Browser;

/// <summary>
/// S3 for non-Blazor clients: a real SignalR client (npm @microsoft/signalr under node; the .NET client
/// is not available here) connects to /hubs/schedule on the Kestrel-hosted app and receives
/// <c>ScheduleChanged</c> when a booking is made through the HTTP API.
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class ScheduleHubClientTests(BrowserApp app)
{
    private static int _floor = 60;

    [Fact]
    public async Task A_node_signalr_client_receives_the_booking_made_through_the_api()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow); // Monday 2026-11-23 10:05 in Seoul
        var roomId = await app.CreateRoomAsync($"Hub room {Guid.NewGuid().ToString("N")[..4]}", Interlocked.Increment(ref _floor));
        try
        {
            await using var client = await NodeHubClient.StartAsync(app.BaseUrl, MeetingRoomFactory.Today);

            using var api = await SignInAsync(await app.CreateUserAsync("Seo-yeon Han"));
            var bookingId = await BookAsync(api, roomId, MeetingRoomFactory.Today, "10:00");

            var change = await client.NextChangeAsync(c => c.GetProperty("roomId").GetInt32() == roomId && c.GetProperty("state").GetString() == "Booked");
            Assert.Equal(MeetingRoomFactory.Today, change.GetProperty("date").GetString());
            Assert.Equal("10:00", change.GetProperty("start").GetString());
            Assert.True(change.GetProperty("version").GetInt64() > 0);
            Assert.Equal(bookingId, change.GetProperty("bookingId").GetGuid());
            Assert.Equal(JsonValueKind.Null, change.GetProperty("bookedBy").ValueKind); // Board:ShowBookerNames is off
            Assert.StartsWith("2026-11-23T10:00:00+09:00", change.GetProperty("opensAt").GetString());

            // Cancelled through the API: the client hears the slot is open again, with a higher version.
            var cancel = await api.PostAsync($"/api/bookings/{bookingId}/cancel", null);
            Assert.True(cancel.IsSuccessStatusCode, $"cancel: {(int)cancel.StatusCode} {await cancel.Content.ReadAsStringAsync()}");
            var open = await client.NextChangeAsync(c => c.GetProperty("roomId").GetInt32() == roomId && c.GetProperty("state").GetString() == "Open");
            Assert.True(open.GetProperty("version").GetInt64() > change.GetProperty("version").GetInt64());
        }
        finally
        {
            await app.DeleteRoomsAsync(roomId);
        }
    }

    [Fact]
    public async Task A_client_that_watches_another_date_receives_that_dates_changes()
    {
        const string tomorrow = "2026-11-24";
        app.Clock.Set(MeetingRoomFactory.DefaultNow); // connected on the 23rd: in that day's group, and Watch(24th)
        var roomId = await app.CreateRoomAsync($"Watch room {Guid.NewGuid().ToString("N")[..4]}", Interlocked.Increment(ref _floor));
        try
        {
            await using var client = await NodeHubClient.StartAsync(app.BaseUrl, tomorrow);

            app.Clock.Set(DateTimeOffset.Parse("2026-11-24T10:05:00+09:00")); // the 24th's 10:00 window is open now
            using var api = await SignInAsync(await app.CreateUserAsync("Ji-ho Lim"));
            var bookingId = await BookAsync(api, roomId, tomorrow, "10:00");

            var change = await client.NextChangeAsync(c =>
                c.GetProperty("roomId").GetInt32() == roomId && c.GetProperty("date").GetString() == tomorrow &&
                c.GetProperty("state").GetString() == "Booked");
            Assert.Equal("10:00", change.GetProperty("start").GetString());
            Assert.Equal(bookingId, change.GetProperty("bookingId").GetGuid());
            Assert.True(change.GetProperty("version").GetInt64() > 0);
        }
        finally
        {
            app.Clock.Set(MeetingRoomFactory.DefaultNow);
            await app.DeleteRoomsAsync(roomId);
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

    private static async Task<Guid> BookAsync(HttpClient api, int roomId, string date, string start)
    {
        var response = await api.PostAsJsonAsync("/api/bookings", new { roomId, date, start });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"book: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

/// <summary>
/// Runs <c>MeetingRoom.Tests/node/hub-client.mjs</c> under node and reads its JSON lines. Needs node on the
/// PATH and <c>npm ci</c> done in that folder (test.sh does it); fails with a clear message otherwise.
/// </summary>
public sealed class NodeHubClient : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MessageTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly Channel<JsonElement> _lines = Channel.CreateUnbounded<JsonElement>();
    private readonly StringBuilder _stderr = new();
    private readonly List<string> _seen = [];

    private NodeHubClient(Process process) => _process = process;

    /// <summary>Starts the client (it also calls Watch for each of <paramref name="dates"/>) and waits until it says "connected".</summary>
    public static async Task<NodeHubClient> StartAsync(string baseUrl, params string[] dates)
    {
        var folder = RepositoryFolder.Node;
        var script = Path.Combine(folder, "hub-client.mjs");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@microsoft", "signalr")))
            throw new InvalidOperationException(
                $"npm @microsoft/signalr is not installed in {folder}: run `npm ci` there (./test.sh does it when node_modules is missing).");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(baseUrl);
        foreach (var date in dates) start.ArgumentList.Add(date);
        start.ArgumentList.Add("--timeout");
        start.ArgumentList.Add("120");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The hub client test needs node (Node.js 18+) on the PATH; it was not found.", e);
        }

        var client = new NodeHubClient(process);
        process.OutputDataReceived += (_, e) => client.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (client._stderr) client._stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await client.NextAsync(line => line.GetProperty("event").GetString() == "connected", ConnectTimeout, "connected");
        return client;
    }

    /// <summary>The next <c>ScheduleChanged</c> payload matching <paramref name="match"/> (others are skipped); fails after a bounded wait.</summary>
    public async Task<JsonElement> NextChangeAsync(Func<JsonElement, bool> match)
    {
        var line = await NextAsync(l => l.GetProperty("event").GetString() == "ScheduleChanged" && match(l.GetProperty("change")),
            MessageTimeout, "a matching ScheduleChanged");
        return line.GetProperty("change");
    }

    private void OnLine(string? data)
    {
        if (data is null)
        {
            _lines.Writer.TryComplete();
            return;
        }
        lock (_seen) _seen.Add(data);
        try
        {
            _lines.Writer.TryWrite(JsonDocument.Parse(data).RootElement.Clone());
        }
        catch (JsonException)
        {
            // not a JSON line (should not happen: the script writes only JSON to stdout)
        }
    }

    private async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(cts.Token);
                if (match(line)) return line;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            string seen, errors;
            lock (_seen) seen = string.Join("\n", _seen);
            lock (_stderr) errors = _stderr.ToString();
            throw new TimeoutException(
                $"The node hub client did not report {what} within {timeout.TotalSeconds:0} s" +
                $"{(_process.HasExited ? $" (it exited with {_process.ExitCode})" : "")}.\nstdout:\n{seen}\nstderr:\n{errors}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException) { } // already gone
        catch (TimeoutException) { }
        _process.Dispose();
    }
}
