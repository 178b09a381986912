using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingRoom.Tests.Browser;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.ScaleOut;

/// <summary>
/// N4 on real engines: PostgreSQL + Redis + two instances + nginx (see <see cref="ScaleOutCluster"/>). Each test
/// leaves every server running as it found it.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScaleOutTests(ScaleOutCluster cluster, ITestOutputHelper output)
{
    private sealed record Answer(HttpStatusCode? Status, string Type, bool HasRetryAfter, Guid? BookingId, string? Error);

    private static async Task<Answer> BookAsync(HttpClient member, int roomId, string date, string start)
    {
        try
        {
            using var response = await member.PostAsJsonAsync("/api/bookings", new { roomId, date, start });
            var body = await response.Content.ReadAsStringAsync();
            JsonElement json = default;
            try { json = JsonDocument.Parse(body).RootElement; } catch (JsonException) { }
            var type = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
            Guid? id = response.StatusCode == HttpStatusCode.Created ? json.GetProperty("id").GetGuid() : null;
            return new Answer(response.StatusCode, type, response.Headers.RetryAfter is not null, id, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Answer(null, "", false, null, e.Message);
        }
    }

    private async Task<JsonElement> CellOnAsync(HttpClient client, string date, int roomId, string start)
    {
        var schedule = await client.GetFromJsonAsync<JsonElement>($"/api/schedule?date={date}");
        return schedule.GetProperty("rooms").EnumerateArray().First(r => r.GetProperty("roomId").GetInt32() == roomId)
            .GetProperty("cells").EnumerateArray().First(c => c.GetProperty("start").GetString() == start);
    }

    /// <summary>Waits until every (slot → booking) shows on <paramref name="instance"/>'s schedule (its read model).</summary>
    private async Task ConvergesAsync(AppInstance instance, IReadOnlyCollection<(string Date, int Room, string Start, Guid Booking)> booked)
    {
        using var http = await ScaleOutCluster.SignInAsync(instance.BaseUrl, "admin@demo.local");
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        foreach (var date in booked.Select(b => b.Date).Distinct())
        {
            while (true)
            {
                var schedule = await http.GetFromJsonAsync<JsonElement>($"/api/schedule?date={date}");
                var shown = schedule.GetProperty("rooms").EnumerateArray().SelectMany(r => r.GetProperty("cells").EnumerateArray()
                        .Where(c => c.GetProperty("bookingId").ValueKind == JsonValueKind.String)
                        .Select(c => c.GetProperty("bookingId").GetGuid())).ToHashSet();
                var missing = booked.Where(b => b.Date == date && !shown.Contains(b.Booking)).ToList();
                if (missing.Count == 0) break;
                Assert.True(DateTime.UtcNow < until, $"{missing.Count} acknowledged bookings of {date} never showed on {instance.Name}'s schedule.\n{cluster.Logs}");
                await Task.Delay(250);
            }
        }
    }

    [Fact]
    public async Task A_booking_made_through_A_appears_on_a_board_page_and_a_hub_client_on_B_without_reload()
    {
        var date = ScaleOutCluster.Day(2);
        var room = cluster.RoomIds[0];
        var start = cluster.PeriodStarts[1];
        var floor = cluster.Schedule.GetProperty("rooms").EnumerateArray().First(r => r.GetProperty("roomId").GetInt32() == room).GetProperty("floor").GetInt32();
        await using var hub = await NodeHubClient.StartAsync(cluster.B.BaseUrl, date);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1200 } });
        await page.GotoAsync($"{cluster.B.BaseUrl}/board?date={date}&floor={floor}");
        var cell = page.Locator($".bcell[data-room=\"{cluster.RoomName(room)}\"][data-start=\"{start}\"]");
        await Expect(cell).ToHaveAttributeAsync("data-state", "Open", new() { Timeout = 30_000 });
        using var member = await ScaleOutCluster.SignInAsync(cluster.A.BaseUrl, "member1@demo.local");

        var clock = Stopwatch.StartNew();
        var answer = await BookAsync(member, room, date, start);
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var change = await hub.NextChangeAsync(c => c.GetProperty("roomId").GetInt32() == room && c.GetProperty("state").GetString() == "Booked");
        var hubMs = clock.ElapsedMilliseconds;
        await Expect(cell).ToHaveAttributeAsync("data-state", "Booked", new() { Timeout = 20_000 });
        output.WriteLine($"A→B: hub client {hubMs} ms, board page {clock.ElapsedMilliseconds} ms after the 201 (outbox poll is 10 min: the Redis wake carried it)");

        Assert.Equal(answer.BookingId, change.GetProperty("bookingId").GetGuid());
        // The hub's lifetime manager is the Redis backplane: B subscribed the hub's channels there.
        Assert.Contains(await cluster.Redis.ChannelsAsync(), c => c.Contains(nameof(MeetingRoom.Web.Features.Schedule.ScheduleHub)));

        // A few more, for the figure in the log (the first includes warm-up).
        var more = new List<long>();
        foreach (var next in cluster.RoomIds.Skip(1).Take(5))
        {
            clock.Restart();
            Assert.Equal(HttpStatusCode.Created, (await BookAsync(member, next, date, start)).Status);
            await hub.NextChangeAsync(c => c.GetProperty("roomId").GetInt32() == next && c.GetProperty("state").GetString() == "Booked");
            more.Add(clock.ElapsedMilliseconds);
        }
        output.WriteLine($"A→B hub client, next bookings: {string.Join(", ", more)} ms");
    }

    [Fact]
    public async Task A_burst_on_one_slot_split_across_both_instances_has_exactly_one_winner()
    {
        var date = ScaleOutCluster.Day(3);
        var room = cluster.RoomIds[1];
        var start = cluster.PeriodStarts[0];
        var members = new List<HttpClient>();
        for (var m = 1; m <= 10; m++)
        {
            members.Add(await ScaleOutCluster.SignInAsync(cluster.A.BaseUrl, $"member{m}@demo.local"));
            members.Add(await ScaleOutCluster.SignInAsync(cluster.B.BaseUrl, $"member{m}@demo.local"));
        }
        var go = new TaskCompletionSource();
        var attempts = members.SelectMany(member => Enumerable.Range(0, 5).Select(async _ =>
        {
            await go.Task;
            return await BookAsync(member, room, date, start);
        })).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(attempts);
        foreach (var m in members) m.Dispose();

        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a != winner), a => Assert.Equal((HttpStatusCode.Conflict, "urn:meetingroom:problem:slot-taken"), (a.Status!.Value, a.Type)));
        await ConvergesAsync(cluster.B, [(date, room, start, winner.BookingId!.Value)]);
    }

    [Fact]
    public async Task Killing_an_instance_mid_burst_loses_no_acknowledged_booking_and_the_survivor_converges()
    {
        var acknowledged = new ConcurrentBag<(string Date, int Room, string Start, Guid Booking)>();
        var slots = Enumerable.Range(4, 4).SelectMany(d => cluster.RoomIds.SelectMany(r => cluster.PeriodStarts.Select(s => (Date: ScaleOutCluster.Day(d), Room: r, Start: s)))).ToList();
        var members = new List<(HttpClient A, HttpClient B)>();
        for (var m = 1; m <= 8; m++)
            members.Add((await ScaleOutCluster.SignInAsync(cluster.A.BaseUrl, $"member{m}@demo.local"), await ScaleOutCluster.SignInAsync(cluster.B.BaseUrl, $"member{m}@demo.local")));
        var started = 0;
        var workers = members.Select((m, w) => Task.Run(async () =>
        {
            for (var i = w; i < slots.Count; i += members.Count)
            {
                var (date, room, start) = slots[i];
                var answer = await BookAsync(i % 2 == 0 ? m.A : m.B, room, date, start);
                Interlocked.Increment(ref started);
                if (answer.Status == HttpStatusCode.Created) acknowledged.Add((date, room, start, answer.BookingId!.Value));
            }
        })).ToList();
        try
        {
            while (Volatile.Read(ref started) < slots.Count / 3) await Task.Delay(10);
            cluster.A.KillHard(); // kill -9, mid-burst
            await Task.WhenAll(workers);

            Assert.NotEmpty(acknowledged);
            using var admin = await ScaleOutCluster.SignInAsync(cluster.B.BaseUrl, "admin@demo.local");
            foreach (var b in acknowledged)
                Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/bookings/{b.Booking}")).StatusCode);
            await ConvergesAsync(cluster.B, acknowledged.ToList());
            output.WriteLine($"kill -9 of A after {slots.Count / 3} of {slots.Count} attempts: {acknowledged.Count} acknowledged, all stored and shown on B");
        }
        finally
        {
            foreach (var (a, b) in members) { a.Dispose(); b.Dispose(); }
            if (!cluster.A.IsRunning) await cluster.A.StartAsync();
        }
    }

    [Fact]
    public async Task A_rolling_restart_under_steady_booking_load_fails_no_request()
    {
        var answers = new ConcurrentBag<Answer>();
        using var stop = new CancellationTokenSource();
        var members = new List<HttpClient>();
        for (var m = 1; m <= 4; m++) members.Add(await ScaleOutCluster.SignInAsync(cluster.Nginx.BaseUrl, $"member{m}@demo.local"));
        var load = members.Select((member, w) => Task.Run(async () =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                var room = cluster.RoomIds[(w * 3 + i) % cluster.RoomIds.Count];
                var start = cluster.PeriodStarts[i % cluster.PeriodStarts.Count];
                var date = ScaleOutCluster.Day(9 + w);
                i++;
                var answer = await BookAsync(member, room, date, start);
                answers.Add(answer);
                if (answer.BookingId is { } id)
                {
                    try
                    {
                        using var cancel = await member.PostAsync($"/api/bookings/{id}/cancel", null);
                        answers.Add(new Answer(cancel.StatusCode, "", cancel.Headers.RetryAfter is not null, null, null));
                    }
                    catch (HttpRequestException e) { answers.Add(new Answer(null, "", false, null, e.Message)); }
                }
            }
        })).ToList();
        try
        {
            await Task.Delay(1000);
            foreach (var instance in new[] { cluster.A, cluster.B })
            {
                await instance.StopAsync();  // SIGTERM: it drains, then stops
                await Task.Delay(500);
                await instance.StartAsync(); // up to /health/ready
                await Task.Delay(2000);       // serving traffic again before the next one goes
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(load);
            foreach (var m in members) m.Dispose();
            if (!cluster.A.IsRunning) await cluster.A.StartAsync();
            if (!cluster.B.IsRunning) await cluster.B.StartAsync();
        }

        // Allowed: definitive answers (2xx, 409) and "try again" answers that say when (429/503 with Retry-After).
        var failed = answers.Where(a => a.Status is not { } status
                                        || status == HttpStatusCode.Unauthorized
                                        || status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && !a.HasRetryAfter
                                        || (int)status >= 500 && status != HttpStatusCode.ServiceUnavailable).ToList();
        output.WriteLine($"rolling restart: {answers.Count} requests, by status: {string.Join(", ", answers.GroupBy(a => a.Status?.ToString() ?? "transport error").Select(g => $"{g.Key} × {g.Count()}"))}");
        Assert.True(failed.Count == 0, $"{failed.Count} failed: {string.Join("; ", failed.Take(5).Select(f => $"{f.Status} {f.Type} {f.Error}"))}\n{cluster.Logs}");
        Assert.Contains(answers, a => a.Status == HttpStatusCode.Created);
    }

    [Fact]
    public async Task With_the_database_stopped_commands_answer_503_with_retry_after_and_recover_by_themselves()
    {
        var date = ScaleOutCluster.Day(13);
        using var onA = await ScaleOutCluster.SignInAsync(cluster.A.BaseUrl, "member9@demo.local");
        using var onB = await ScaleOutCluster.SignInAsync(cluster.B.BaseUrl, "member10@demo.local");
        var down = new List<Answer>();
        await cluster.Database.StopAsync();
        try
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            var i = 0;
            while (DateTime.UtcNow < until)
            {
                down.Add(await BookAsync(i++ % 2 == 0 ? onA : onB, cluster.RoomIds[2], date, cluster.PeriodStarts[i % cluster.PeriodStarts.Count]));
                await Task.Delay(250);
            }
        }
        finally
        {
            await cluster.Database.StartAsync();
        }

        Assert.NotEmpty(down);
        Assert.All(down, a => Assert.Equal((HttpStatusCode.ServiceUnavailable, "urn:meetingroom:problem:database-unavailable", true), (a.Status!.Value, a.Type, a.HasRetryAfter)));
        var booked = new List<(string, int, string, Guid)>();
        foreach (var (client, start) in new[] { (onA, cluster.PeriodStarts[0]), (onB, cluster.PeriodStarts[1]) })
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            Answer answer;
            do
            {
                answer = await BookAsync(client, cluster.RoomIds[3], date, start);
                if (answer.Status != HttpStatusCode.Created) await Task.Delay(500);
            }
            while (answer.Status != HttpStatusCode.Created && DateTime.UtcNow < deadline);
            Assert.True(answer.Status == HttpStatusCode.Created, $"no recovery: {answer.Status} {answer.Type} {answer.Error}\n{cluster.Logs}");
            booked.Add((date, cluster.RoomIds[3], start, answer.BookingId!.Value));
        }
        await ConvergesAsync(cluster.A, booked);
        await ConvergesAsync(cluster.B, booked);
    }
}
