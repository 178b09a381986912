using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MeetingRoom.Bench;

/// <summary>
/// "Saving a long series under load" (issue 22), through the public HTTP API of a running app (bench/series.sh starts it):
/// <list type="number">
/// <item>baseline: sustained booking of distinct free slots (<c>BENCH_SERIES_CONNECTIONS</c> connections, like section 2 of
/// <c>Bench load</c>) for <c>BENCH_SERIES_BASELINE_SECONDS</c>;</item>
/// <item>the same load again while the admin previews and then creates <c>BENCH_SERIES_CREATIONS</c> series one after the other,
/// each the longest a series can be (<c>BENCH_SERIES_OCCURRENCES</c>, default 366: daily for a year — the one-year limit
/// is reached before the 500-occurrence one for a single period), in a room of its own, from tomorrow: p50/p95/max of the
/// preview and of the creation (201), and the sustained figures meanwhile;</item>
/// <item>opening bursts (<c>BENCH_MEMBERS</c> members on <c>BENCH_ROOMS</c> rooms' same slot, as section 1 of <c>Bench
/// load</c>), <c>BENCH_SERIES_BURST_ROUNDS</c> rounds alternating without and with a series creation released at the same
/// gate: the burst's latency from the opening with and without it.</item>
/// </list>
/// Integrity: every series must be created (201; the load books other rooms, so all its occurrences are Reserved) and every
/// burst round must have one winner per slot; otherwise the exit code is 1. Writes <c>--out</c> (JSON).
/// </summary>
public static class SeriesLoad
{
    public static async Task<int> RunAsync(Args a)
    {
        var baseUrl = a.Req("--base");
        var serverPid = a.Get("--server-pid") is { } pid ? int.Parse(pid) : (int?)null;
        var password = Environment.GetEnvironmentVariable("BENCH_PASSWORD")!;
        var m = Env.Int("BENCH_MEMBERS", 1000);
        var r = Env.Int("BENCH_ROOMS", 20);
        var loadRoomCount = Env.Int("BENCH_SERIES_LOAD_ROOMS", 60);
        var connections = Env.Int("BENCH_SERIES_CONNECTIONS", 32);
        var baselineSeconds = Env.Int("BENCH_SERIES_BASELINE_SECONDS", 15);
        var creations = Env.Int("BENCH_SERIES_CREATIONS", 10);
        var occurrences = Math.Clamp(Env.Int("BENCH_SERIES_OCCURRENCES", 366), 1, 366);
        var burstRounds = Env.Int("BENCH_SERIES_BURST_ROUNDS", 20);
        var result = new JsonObject
        {
            ["date"] = DateTimeOffset.UtcNow.ToString("O"),
            ["settings"] = new JsonObject
            {
                ["members"] = m, ["burstRooms"] = r, ["loadRooms"] = loadRoomCount, ["connections"] = connections,
                ["baselineSeconds"] = baselineSeconds, ["creations"] = creations, ["occurrences"] = occurrences, ["burstRounds"] = burstRounds,
            },
        };

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(m, connections) + 16, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false, AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10),
        }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

        // ---- set-up through the API: every slot from tomorrow on open now, limits off (members book many slots) ----
        var admin = await Load.LoginAsync(http, Seed.AdminEmail, password);
        var today = DateOnly.Parse((await Load.GetJsonAsync(http, admin, "/api/schedule"))!["date"]!.GetValue<string>());
        var periods = (await Load.GetJsonAsync(http, admin, "/api/admin/timetable"))!["periods"]!.AsArray()
            .Select(p => p!["start"]!.GetValue<string>()).ToArray();
        await Load.SendJsonAsync(http, HttpMethod.Put, "/api/admin/booking-window", admin, new { mode = "DailyAt", leadMinutes = 0, dailyAt = "00:00", daysBefore = 365 });
        await Load.SendJsonAsync(http, HttpMethod.Put, "/api/admin/booking-limits", admin, new { maxPerPeriod = 0, maxPerDay = 0, maxUpcoming = 0 });
        var loadRooms = new List<Load.RoomRef>();
        var burstRooms = new List<Load.RoomRef>();
        for (var i = 1; i <= loadRoomCount; i++) loadRooms.Add(await Load.CreateRoomAsync(http, admin, $"SeriesLoad-{i:000}", 2));
        for (var i = 1; i <= r; i++) burstRooms.Add(await Load.CreateRoomAsync(http, admin, $"SeriesBurst-{i:00}", 1));
        var tokens = new string[m];
        await Parallel.ForAsync(0, m, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            tokens[i] = await Load.LoginAsync(http, Seed.MemberEmail(i + 1), password));
        await Task.WhenAll(Enumerable.Range(0, Math.Max(m, connections)).Select(_ => http.GetAsync("/health/live")));
        Json.Log($"series bench set-up: {loadRoomCount} load rooms, {r} burst rooms, {m} members; today {today}");

        // The sustained load books distinct free slots: load rooms × periods × dates from tomorrow on, in order.
        long next = -1;
        (string Token, byte[] Body) Next()
        {
            var k = Interlocked.Increment(ref next);
            var room = loadRooms[(int)(k % loadRooms.Count)];
            var period = periods[(int)(k / loadRooms.Count % periods.Length)];
            var date = today.AddDays(1 + (int)(k / ((long)loadRooms.Count * periods.Length) % 360));
            return (tokens[k % m], Load.Body(room.Id, date, period));
        }
        async Task<JsonObject> SustainAsync(Func<bool> goOn)
        {
            var lat = new Latencies();
            var outcomes = new Outcomes();
            var cpu = new CpuMeter(serverPid);
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
            {
                while (goOn())
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var (token, body) = Next();
                    await Load.PostBookingAsync(http, token, body, outcomes);
                    lat.Add(Stopwatch.GetTimestamp() - t0);
                }
            })));
            var seconds = sw.Elapsed.TotalSeconds;
            return new JsonObject
            {
                ["connections"] = connections, ["seconds"] = Math.Round(seconds, 2),
                ["bookingsPerSecond"] = Math.Round(outcomes.Created / seconds, 1),
                ["latencyMs"] = lat.ToJson(), ["outcomes"] = outcomes.ToJson(), ["cpu"] = cpu.Stop(),
            };
        }

        // ---- 1. baseline ----
        var baselineSw = Stopwatch.StartNew();
        result["baseline"] = await SustainAsync(() => baselineSw.Elapsed.TotalSeconds < baselineSeconds);
        Json.Log($"baseline: {result["baseline"]!["bookingsPerSecond"]} bookings/s, p99 {result["baseline"]!["latencyMs"]!["p99"]} ms");

        // ---- 2. the same load while long series are previewed and created ----
        var previewLat = new Latencies();
        var createLat = new Latencies();
        var reserved = new List<int>();
        var failures = new List<string>();
        var creating = true;
        var load = SustainAsync(() => Volatile.Read(ref creating));
        for (var i = 1; i <= creations; i++)
        {
            var room = await Load.CreateRoomAsync(http, admin, $"Series-{i:000}", 3);
            var body = new
            {
                roomId = room.Id, start = periods[i % periods.Length], firstDate = today.AddDays(1).ToString("yyyy-MM-dd"), title = $"Standing {i}",
                rule = new { frequency = "Daily", interval = 1, count = occurrences }, skipConflicts = true,
            };
            var t0 = Stopwatch.GetTimestamp();
            var (previewStatus, _) = await PostAsync(http, admin, "/api/admin/series/preview", body);
            previewLat.Add(Stopwatch.GetTimestamp() - t0);
            t0 = Stopwatch.GetTimestamp();
            var (status, answer) = await PostAsync(http, admin, "/api/admin/series", body);
            createLat.Add(Stopwatch.GetTimestamp() - t0);
            if (status != 201 || previewStatus != 200) failures.Add($"series {i}: preview {previewStatus}, create {status}");
            else reserved.Add(answer!["occurrences"]!.AsArray().Count(o => o!["state"]!.GetValue<string>() == "Reserved"));
        }
        Volatile.Write(ref creating, false);
        var during = await load;
        result["withSeries"] = during;
        result["series"] = new JsonObject
        {
            ["occurrencesPerSeries"] = occurrences, ["created"] = reserved.Count,
            ["reservedPerSeries"] = new JsonArray(reserved.Select(x => (JsonNode)x).ToArray()),
            ["previewMs"] = previewLat.ToJson(), ["createMs"] = createLat.ToJson(),
            ["failures"] = new JsonArray(failures.Select(x => (JsonNode)x).ToArray()),
        };
        Json.Log($"series: {reserved.Count}/{creations} created, create p95 {createLat.ToJson()["p95"]} ms; load meanwhile {during["bookingsPerSecond"]} bookings/s, p99 {during["latencyMs"]!["p99"]} ms");

        // ---- 3. opening bursts without and with a series created at the same instant ----
        var bursts = new JsonObject();
        var alone = new Latencies();
        var together = new Latencies();
        var seriesAtBurst = new Latencies();
        var badRounds = 0;
        for (var round = 0; round <= burstRounds; round++)
        {
            var withSeries = round % 2 == 0; // round 0 (a warm-up, not counted) with one
            var date = today.AddDays(1 + round);
            var start = periods[0];
            var bodies = Enumerable.Range(0, m).Select(i => Load.Body(burstRooms[i % r].Id, date, start)).ToArray();
            var sinceOpen = new long[m];
            var created = 0;
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            long opened = 0;
            var tasks = Enumerable.Range(0, m).Select(i => Task.Run(async () =>
            {
                await gate.Task;
                if (await Load.PostBookingAsync(http, tokens[i], bodies[i], new Outcomes()) == 201) Interlocked.Increment(ref created);
                sinceOpen[i] = Stopwatch.GetTimestamp() - opened;
            })).ToList();
            Task<long>? seriesTask = null;
            if (withSeries)
            {
                var room = await Load.CreateRoomAsync(http, admin, $"SeriesAtBurst-{round:000}", 3);
                var body = new
                {
                    roomId = room.Id, start, firstDate = date.ToString("yyyy-MM-dd"), title = $"At burst {round}",
                    rule = new { frequency = "Daily", interval = 1, count = occurrences }, skipConflicts = true,
                };
                seriesTask = Task.Run(async () =>
                {
                    await gate.Task;
                    var t0 = Stopwatch.GetTimestamp();
                    var (status, _) = await PostAsync(http, admin, "/api/admin/series", body);
                    if (status != 201) failures.Add($"series at burst round {round}: {status}");
                    return Stopwatch.GetTimestamp() - t0;
                });
            }
            await Task.Delay(100);
            opened = Stopwatch.GetTimestamp();
            gate.SetResult();
            await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
            var seriesTicks = seriesTask is null ? (long?)null : await seriesTask.WaitAsync(TimeSpan.FromSeconds(60));
            if (created != r) badRounds++;
            if (round > 0)
            {
                (withSeries ? together : alone).AddRange(sinceOpen);
                if (seriesTicks is { } t) seriesAtBurst.Add(t);
            }
            await Task.Delay(100);
        }
        bursts["attemptsPerRound"] = m;
        bursts["slotsPerRound"] = r;
        bursts["roundsWithOtherThanOneWinnerPerSlot"] = badRounds;
        bursts["aloneFromOpeningMs"] = alone.ToJson();
        bursts["withSeriesFromOpeningMs"] = together.ToJson();
        bursts["seriesCreateMs"] = seriesAtBurst.ToJson();
        result["bursts"] = bursts;
        Json.Log($"bursts: from the opening p99 alone {alone.ToJson()["p99"]} ms, with a series {together.ToJson()["p99"]} ms");

        if (a.Get("--out") is { } outPath) Json.Write(outPath, result);
        return failures.Count == 0 && badRounds == 0 ? 0 : 1;
    }

    private static async Task<(int Status, JsonNode? Body)> PostAsync(HttpClient http, string token, string path, object body)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var resp = await http.SendAsync(req);
            var text = await resp.Content.ReadAsStringAsync();
            return ((int)resp.StatusCode, text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) : null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (0, null);
        }
    }
}
