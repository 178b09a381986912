using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace MeetingRoom.Bench;

/// <summary>
/// Scenarios 1 (opening burst) and 2 (sustained booking), plus a hot-path ladder and the
/// integrity checks (double bookings by SQL). Everything goes through the public HTTP API.
/// </summary>
public static class Load
{
    private sealed record Member(string Email, string Token);
    internal sealed record RoomRef(int Id, string Name);

    public static async Task<int> RunAsync(Args a)
    {
        var baseUrl = a.Req("--base");
        var dbPath = Path.GetFullPath(a.Req("--db"));
        var serverPid = a.Get("--server-pid") is { } pid ? int.Parse(pid) : (int?)null;
        var password = Environment.GetEnvironmentVariable("BENCH_PASSWORD")!;
        var m = Env.Int("BENCH_MEMBERS", 1000);
        var r = Env.Int("BENCH_ROOMS", 20);
        var sustainedRooms = Env.Int("BENCH_SUSTAINED_ROOMS", 60);
        var attemptsTarget = Env.Int("BENCH_BURST_ATTEMPTS", 100_000);
        var burstMaxSeconds = Env.Int("BENCH_BURST_MAX_SECONDS", 240);
        var levels = Env.Ints("BENCH_SUSTAINED_CONNECTIONS", "32,100,200");
        var sustainedSeconds = Env.Int("BENCH_SUSTAINED_SECONDS", 20);
        var ladderSeconds = Env.Int("BENCH_LADDER_SECONDS", 3);
        var result = new JsonObject();

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(m, levels.Max()) + 16,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false, AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10),
        }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

        // ---- set-up through the API ---------------------------------------------------------
        var setupSw = Stopwatch.StartNew();
        var admin = await LoginAsync(http, Seed.AdminEmail, password);
        var today = DateOnly.Parse((await GetJsonAsync(http, admin, "/api/schedule"))!["date"]!.GetValue<string>());
        var d0 = today.AddDays(1); // tomorrow (site-local): every period of it is in the future whatever the hour
        var periods = (await GetJsonAsync(http, admin, "/api/admin/timetable"))!["periods"]!.AsArray()
            .Select(p => p!["start"]!.GetValue<string>()).ToArray();
        await SendJsonAsync(http, HttpMethod.Put, "/api/admin/booking-window", admin,
            new { mode = "DailyAt", leadMinutes = 0, dailyAt = "00:00", daysBefore = 365 });
        // Members here book many slots each (the sustained scenario, and burst rounds over many dates): the booking
        // limits per member (issue 12) would turn most of those into member-limit answers, so they are off, which
        // keeps the figures comparable with earlier runs.
        // (An older build of the app, run with BENCH_SRC for a before/after comparison, has no limits: 404, nothing to switch off.)
        await SendJsonAsync(http, HttpMethod.Put, "/api/admin/booking-limits", admin,
            new { maxPerPeriod = 0, maxPerDay = 0, maxUpcoming = 0 }, allowNotFound: true);
        var burstRooms = new List<RoomRef>();
        var loadRooms = new List<RoomRef>();
        for (var i = 1; i <= r; i++) burstRooms.Add(await CreateRoomAsync(http, admin, $"Burst-{i:00}", 1));
        for (var i = 1; i <= sustainedRooms; i++) loadRooms.Add(await CreateRoomAsync(http, admin, $"Load-{i:000}", 2 + i / 20));

        var members = new Member[m];
        var loginSw = Stopwatch.StartNew();
        await Parallel.ForAsync(0, m, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            members[i] = new Member(Seed.MemberEmail(i + 1), await LoginAsync(http, Seed.MemberEmail(i + 1), password)));
        var loginSeconds = loginSw.Elapsed.TotalSeconds;
        Json.Log($"set-up: {r}+{sustainedRooms} rooms, {m} members signed in ({loginSeconds:F1} s); today {today}, periods {string.Join(' ', periods)}");

        // Hand-off to the push scenario (node): tokens, rooms, the date it books on (d0).
        if (a.Get("--tokens") is { } tokensPath)
            Json.Write(tokensPath, new JsonObject
            {
                ["date"] = d0.ToString("yyyy-MM-dd"), ["periods"] = new JsonArray(periods.Select(p => (JsonNode)p!).ToArray()),
                ["rooms"] = new JsonArray(burstRooms.Concat(loadRooms).Select(x => (JsonNode)new JsonObject { ["id"] = x.Id, ["name"] = x.Name }).ToArray()),
                ["members"] = new JsonArray(members.Take(50).Select(x => (JsonNode)new JsonObject { ["email"] = x.Email, ["token"] = x.Token }).ToArray()),
            });
        result["setup"] = new JsonObject
        {
            ["members"] = m, ["burstRooms"] = r, ["sustainedRooms"] = sustainedRooms, ["periods"] = periods.Length,
            ["siteToday"] = today.ToString("yyyy-MM-dd"), ["windowRule"] = "DailyAt 00:00, 365 days before (every slot from tomorrow on is open now)",
            ["loginSeconds"] = Math.Round(loginSeconds, 2), ["setupSeconds"] = Math.Round(setupSw.Elapsed.TotalSeconds, 2),
        };

        // Open M connections once (not measured), as signed-in browsers/apps would hold them.
        await Task.WhenAll(Enumerable.Range(0, m).Select(_ => http.GetAsync("/health/live")));

        // ---- 1. opening burst ---------------------------------------------------------------
        var rounds = (int)Math.Ceiling(attemptsTarget / (double)m);
        var burstLatency = new Latencies();
        var fromOpening = new Latencies();
        var burstOutcomes = new Outcomes();
        var roundsJson = new JsonArray();
        var burstCpu = new CpuMeter(serverPid);
        double activeSeconds = 0;
        var badRounds = 0;
        var burstDeadline = Stopwatch.StartNew();
        if (Environment.GetEnvironmentVariable("BENCH_PERF_LEVEL") == "burst") StartPerf(serverPid, 8);
        var roundsRun = 0;
        for (var round = 0; round <= rounds && burstDeadline.Elapsed.TotalSeconds < burstMaxSeconds; round++)
        {
            // Round 0 is a warm-up (JIT, pools), not counted. Round k books date d0+1+k/P, period k%P, on every burst room.
            var date = d0.AddDays(1 + round / periods.Length);
            var start = periods[round % periods.Length];
            var bodies = Enumerable.Range(0, m).Select(i => Body(burstRooms[i % r].Id, date, start)).ToArray();
            var outcomes = round == 0 ? new Outcomes() : burstOutcomes;
            var perRequest = new long[m];
            var sinceOpen = new long[m];
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            long opened = 0;
            var created = 0;
            var tasks = Enumerable.Range(0, m).Select(i => Task.Run(async () =>
            {
                await gate.Task;
                var t0 = Stopwatch.GetTimestamp();
                var status = await PostBookingAsync(http, members[i].Token, bodies[i], outcomes);
                var t1 = Stopwatch.GetTimestamp();
                if (status == 201) Interlocked.Increment(ref created);
                perRequest[i] = t1 - t0;
                sinceOpen[i] = t1 - opened;
            })).ToArray();
            await Task.Delay(100); // every request is parked at the barrier
            opened = Stopwatch.GetTimestamp();
            gate.SetResult();
            await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
            var seconds = Stopwatch.GetElapsedTime(opened).TotalSeconds;
            if (created != r) badRounds++;
            if (round > 0)
            {
                activeSeconds += seconds;
                roundsRun++;
                burstLatency.AddRange(perRequest);
                fromOpening.AddRange(sinceOpen);
            }
            roundsJson.Add(new JsonObject { ["round"] = round, ["date"] = date.ToString("yyyy-MM-dd"), ["start"] = start, ["seconds"] = Math.Round(seconds, 3), ["created"] = created });
            if (round % 10 == 0) Json.Log($"burst round {round}: {m} attempts in {seconds * 1000:F0} ms, {created} won");
            await Task.Delay(100); // the next slot opens a little later
        }
        var burstCpuJson = burstCpu.Stop();
        result["burst"] = new JsonObject
        {
            ["roundsCounted"] = roundsRun, ["attemptsPerRound"] = m, ["slotsPerRound"] = r,
            ["attempts"] = burstOutcomes.Total,
            ["attemptsPerSecond"] = Math.Round(burstOutcomes.Total / activeSeconds, 1),
            ["activeSeconds"] = Math.Round(activeSeconds, 2),
            ["latencyPerRequestMs"] = burstLatency.ToJson(),
            ["latencyFromOpeningMs"] = fromOpening.ToJson(),
            ["outcomes"] = burstOutcomes.ToJson(),
            ["roundsWithOtherThanOneWinnerPerSlot"] = badRounds,
            ["cpu"] = burstCpuJson,
            ["rounds"] = roundsJson,
        };
        Json.Log($"burst: {burstOutcomes.Total} attempts, {burstOutcomes.Total / activeSeconds:F0}/s, p99 {burstLatency.ToJson()["p99"]} ms");
        result["outboxAfterBurst"] = await OutboxLagAsync(dbPath, TimeSpan.FromSeconds(30));

        // ---- 1b. opening burst at a real opening: the members are in line before the window opens ----
        // Each round names a new date D (burst rooms, first period) and sets the window rule to "DailyAt T, D - today days
        // before", so D's slots open at T, a whole second 1.2–2.2 s ahead (the server's own clock; same machine). Every
        // member sends at a random moment in the 0.6 s before T (people press a little early); the server keeps them in
        // line (OpeningLine, up to 10 s early) and decides them at T. "From the opening" = response − T.
        if (Env.Int("BENCH_LINE_ROUNDS", rounds) is var lineRounds && lineRounds > 0)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById((await GetJsonAsync(http, admin, "/api/admin/timetable"))!["timeZone"]!.GetValue<string>());
            var lineLatency = new Latencies();
            var lineFromOpening = new Latencies();
            var lineOutcomes = new Outcomes();
            var lineRoundsJson = new JsonArray();
            var lineCpu = new CpuMeter(serverPid);
            var lineBadRounds = 0;
            var lineCounted = 0;
            var early = 0;
            var lineSw = Stopwatch.StartNew();
            var rng = new Random(12);
            for (var round = 0; round <= lineRounds && lineSw.Elapsed.TotalSeconds < burstMaxSeconds; round++)
            {
                var date = today.AddDays(200 + round); // dates no other scenario books on the burst rooms
                var now = DateTimeOffset.UtcNow;
                var opensAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(2);
                var local = TimeZoneInfo.ConvertTime(opensAt, zone);
                var daysBefore = date.DayNumber - DateOnly.FromDateTime(local.DateTime).DayNumber;
                await SendJsonAsync(http, HttpMethod.Put, "/api/admin/booking-window", admin,
                    new { mode = "DailyAt", leadMinutes = 0, dailyAt = local.ToString("HH:mm:ss"), daysBefore });
                var bodies = Enumerable.Range(0, m).Select(i => Body(burstRooms[i % r].Id, date, periods[0])).ToArray();
                var outcomes = round == 0 ? new Outcomes() : lineOutcomes;
                var perRequest = new long[m];
                var sinceOpen = new long[m];
                var created = 0;
                // The opening instant on this process's Stopwatch.
                var openTicks = Stopwatch.GetTimestamp() + (long)((opensAt - DateTimeOffset.UtcNow).TotalSeconds * Stopwatch.Frequency);
                var sendAt = Enumerable.Range(0, m).Select(_ => openTicks - (long)((0.05 + rng.NextDouble() * 0.55) * Stopwatch.Frequency)).ToArray();
                var tasks = Enumerable.Range(0, m).Select(i => Task.Run(async () =>
                {
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), sendAt[i]);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait);
                    var t0 = Stopwatch.GetTimestamp();
                    var status = await PostBookingAsync(http, members[i].Token, bodies[i], outcomes);
                    var t1 = Stopwatch.GetTimestamp();
                    if (status == 201) Interlocked.Increment(ref created);
                    if (t1 < openTicks) Interlocked.Increment(ref early);
                    perRequest[i] = t1 - t0;
                    sinceOpen[i] = Math.Max(0, t1 - openTicks);
                })).ToArray();
                await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
                var lastMs = sinceOpen.Max() * 1000.0 / Stopwatch.Frequency;
                if (created != r) lineBadRounds++;
                if (round > 0)
                {
                    lineCounted++;
                    lineLatency.AddRange(perRequest);
                    lineFromOpening.AddRange(sinceOpen);
                }
                lineRoundsJson.Add(new JsonObject { ["round"] = round, ["date"] = date.ToString("yyyy-MM-dd"), ["opensAt"] = local.ToString("HH:mm:ss"), ["lastAnswerMs"] = Math.Round(lastMs, 1), ["created"] = created });
                if (round % 10 == 0) Json.Log($"line round {round}: {m} attempts, last answer {lastMs:F0} ms after the opening, {created} won");
            }
            result["lineBurst"] = new JsonObject
            {
                ["roundsCounted"] = lineCounted, ["attemptsPerRound"] = m, ["slotsPerRound"] = r,
                ["attempts"] = lineOutcomes.Total, ["sentBeforeOpeningSeconds"] = "0.05–0.6",
                ["latencyPerRequestMs"] = lineLatency.ToJson(),
                ["latencyFromOpeningMs"] = lineFromOpening.ToJson(),
                ["answeredBeforeOpening"] = early,
                ["outcomes"] = lineOutcomes.ToJson(),
                ["roundsWithOtherThanOneWinnerPerSlot"] = lineBadRounds,
                ["cpu"] = lineCpu.Stop(),
                ["rounds"] = lineRoundsJson,
            };
            Json.Log($"line burst: {lineOutcomes.Total} attempts, p99 from the opening {lineFromOpening.ToJson()["p99"]} ms");
            // back to the rule the other scenarios assume (every slot from tomorrow on open now)
            await SendJsonAsync(http, HttpMethod.Put, "/api/admin/booking-window", admin,
                new { mode = "DailyAt", leadMinutes = 0, dailyAt = "00:00", daysBefore = 365 });
        }

        // ---- 2. sustained booking of distinct free slots -------------------------------------
        var sustained = new JsonArray();
        var firstDate = 26;
        var span = (365 - firstDate) / levels.Length;
        for (var li = 0; li < levels.Length; li++)
        {
            var conns = levels[li];
            var baseDate = today.AddDays(firstDate + li * span);
            var slotCount = (long)loadRooms.Count * periods.Length * span;
            long next = -1;
            var lat = new Latencies();
            var outcomes = new Outcomes();
            var cpu = new CpuMeter(serverPid);
            var sw = Stopwatch.StartNew();
            var duration = TimeSpan.FromSeconds(sustainedSeconds);
            // Optional CPU profile of the server during one level (bench/run.sh sets BENCH_PERF_OUT when perf exists).
            if (Environment.GetEnvironmentVariable("BENCH_PERF_LEVEL") is var perfLevel
                && (int.TryParse(perfLevel, out var pl) ? pl == conns : perfLevel is null or "" && conns == levels[Math.Min(1, levels.Length - 1)]))
                StartPerf(serverPid, Math.Max(2, sustainedSeconds - 4));
            await Task.WhenAll(Enumerable.Range(0, conns).Select(w => Task.Run(async () =>
            {
                while (sw.Elapsed < duration)
                {
                    var k = Interlocked.Increment(ref next);
                    if (k >= slotCount) break;
                    var room = loadRooms[(int)(k % loadRooms.Count)];
                    var period = periods[(int)(k / loadRooms.Count % periods.Length)];
                    var date = baseDate.AddDays((int)(k / ((long)loadRooms.Count * periods.Length)));
                    var t0 = Stopwatch.GetTimestamp();
                    await PostBookingAsync(http, members[k % m].Token, Body(room.Id, date, period), outcomes);
                    lat.Add(Stopwatch.GetTimestamp() - t0);
                }
            })));
            var seconds = sw.Elapsed.TotalSeconds;
            var row = new JsonObject
            {
                ["connections"] = conns, ["seconds"] = Math.Round(seconds, 2),
                ["bookingsPerSecond"] = Math.Round(outcomes.Created / seconds, 1),
                ["requestsPerSecond"] = Math.Round(outcomes.Total / seconds, 1),
                ["latencyMs"] = lat.ToJson(), ["outcomes"] = outcomes.ToJson(), ["cpu"] = cpu.Stop(),
            };
            sustained.Add(row);
            Json.Log($"sustained {conns}: {outcomes.Created / seconds:F0} bookings/s, p99 {row["latencyMs"]!["p99"]} ms, non-201 {outcomes.Total - outcomes.Created}");
            row["outboxAfter"] = await OutboxLagAsync(dbPath, TimeSpan.FromSeconds(30));
        }
        result["sustained"] = sustained;

        // ---- hot-path ladder: what each layer of POST /api/bookings costs (32 connections) ----
        var ladder = new JsonArray();
        var takenBody = Body(burstRooms[0].Id, d0.AddDays(1), periods[0]);          // won in burst round 0 → 409 slot-taken
        var notOpenBody = Body(burstRooms[0].Id, today.AddDays(400), periods[0]);     // window not open → 409 not-open-yet, no write
        var steps = new (string Name, string What, Func<string, Task<int>> Call)[]
        {
            ("GET /health/live", "Kestrel + routing + health middleware (no auth, no DB)", async t => (int)(await http.GetAsync("/health/live")).StatusCode),
            ("GET /api/bookings/{unknown}", "+ bearer token validation + one EF query (404)", async t => await GetAsync(http, t, $"/api/bookings/{Guid.Empty}")),
            ("POST /api/bookings not-open-yet", "+ JSON body, room query, rules, domain refusal; no write (409)", t => PostBookingAsync(http, t, notOpenBody, new Outcomes())),
            ("POST /api/bookings slot-taken", "+ INSERT booking+outbox rejected by the unique index (exception, rollback) (409)", t => PostBookingAsync(http, t, takenBody, new Outcomes())),
        };
        foreach (var step in steps)
        {
            var lat = new Latencies();
            long count = 0, ok = 0;
            var cpu = new CpuMeter(serverPid);
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 32).Select(w => Task.Run(async () =>
            {
                for (var i = 0; sw.Elapsed.TotalSeconds < ladderSeconds && i < 1_000_000; i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var s = await step.Call(members[(w * 31 + i) % m].Token);
                    lat.Add(Stopwatch.GetTimestamp() - t0);
                    Interlocked.Increment(ref count);
                    if (s is 200 or 404 or 409) Interlocked.Increment(ref ok);
                }
            })));
            var seconds = sw.Elapsed.TotalSeconds;
            var c = cpu.Stop();
            ladder.Add(new JsonObject
            {
                ["step"] = step.Name, ["what"] = step.What, ["requestsPerSecond"] = Math.Round(count / seconds, 1),
                ["expectedStatusShare"] = count == 0 ? 0 : Math.Round(ok / (double)count, 4),
                ["latencyMs"] = lat.ToJson(), ["cpu"] = c,
                ["serverCpuMsPerRequest"] = count == 0 ? 0 : Math.Round(c["serverCpuSeconds"]!.GetValue<double>() * 1000 / count, 3),
            });
            Json.Log($"ladder {step.Name}: {count / seconds:F0}/s");
        }
        result["ladder"] = ladder;
        foreach (var row in sustained)
        {
            var c = row!["cpu"]!;
            var created = row["outcomes"]!["total"]!.GetValue<long>();
            row["serverCpuMsPerRequest"] = created == 0 ? 0 : Math.Round(c["serverCpuSeconds"]!.GetValue<double>() * 1000 / created, 3);
        }

        // ---- integrity: the database's own count ---------------------------------------------
        result["integrity"] = Integrity(dbPath, burstRooms.Select(x => x.Id).ToArray());
        Json.Write(a.Req("--out"), result);
        Json.Log($"integrity: {result["integrity"]!.ToJsonString()}");
        return 0;
    }

    /// <summary>Optional CPU profile of the server (bench/run.sh sets BENCH_PERF_OUT when perf exists; BENCH_PERF_LEVEL picks the phase).</summary>
    private static void StartPerf(int? serverPid, int seconds)
    {
        if (serverPid is not { } spid || Environment.GetEnvironmentVariable("BENCH_PERF_OUT") is not { Length: > 0 } perfOut) return;
        try
        {
            Process.Start(new ProcessStartInfo("perf", $"record -F 499 -g -p {spid} -o {perfOut} -- sleep {seconds}") { UseShellExecute = false })?.Dispose();
            Json.Log($"perf: recording the server for {seconds} s → {perfOut}");
        }
        catch (Exception e) { Json.Log($"perf not started: {e.Message}"); }
    }

    internal static byte[] Body(int roomId, DateOnly date, string start) =>
        Encoding.UTF8.GetBytes($"{{\"roomId\":{roomId},\"date\":\"{date:yyyy-MM-dd}\",\"start\":\"{start}\"}}");

    internal static async Task<int> PostBookingAsync(HttpClient http, string token, byte[] body, Outcomes outcomes)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = new ByteArrayContent(body) };
        req.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var resp = await http.SendAsync(req);
            var status = (int)resp.StatusCode;
            var text = await resp.Content.ReadAsStringAsync();
            outcomes.Add(status);
            if (status != 201)
            {
                var i = text.IndexOf("urn:meetingroom:problem:", StringComparison.Ordinal);
                var type = i < 0 ? $"http-{status}" : new string(text.AsSpan(i + 24).ToArray().TakeWhile(ch => ch != '"').ToArray());
                outcomes.ConflictTypes.AddOrUpdate($"{status} {type}", 1, (_, v) => v + 1);
            }
            return status;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            outcomes.Add(0);
            outcomes.ConflictTypes.AddOrUpdate($"transport {e.GetType().Name}", 1, (_, v) => v + 1);
            return 0;
        }
    }

    private static async Task<int> GetAsync(HttpClient http, string token, string path)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, path);
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var resp = await http.SendAsync(req);
        await resp.Content.ReadAsByteArrayAsync();
        return (int)resp.StatusCode;
    }

    internal static async Task<string> LoginAsync(HttpClient http, string email, string password)
    {
        for (var attempt = 1; ; attempt++)
        {
            var resp = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
            if (resp.IsSuccessStatusCode)
                return (await resp.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            if (attempt >= 3) throw new InvalidOperationException($"login {email}: {(int)resp.StatusCode} {await resp.Content.ReadAsStringAsync()}");
            await Task.Delay(200);
        }
    }

    internal static async Task<JsonNode?> GetJsonAsync(HttpClient http, string token, string path)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, path);
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var resp = await http.SendAsync(req);
        resp.EnsureSuccessStatusCode();
        return JsonNode.Parse(await resp.Content.ReadAsStringAsync());
    }

    internal static async Task<JsonNode?> SendJsonAsync(HttpClient http, HttpMethod method, string path, string token, object body, bool allowNotFound = false)
    {
        using var req = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var resp = await http.SendAsync(req);
        var text = await resp.Content.ReadAsStringAsync();
        if (allowNotFound && resp.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        if (!resp.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)resp.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    internal static async Task<RoomRef> CreateRoomAsync(HttpClient http, string admin, string name, int floor)
    {
        var room = await SendJsonAsync(http, HttpMethod.Post, "/api/rooms", admin,
            new { name, floor, capacity = 8, requiresApproval = false, equipment = new[] { new { name = "Whiteboard", quantity = 1 } } });
        return new RoomRef(room!["id"]!.GetValue<int>(), name);
    }

    /// <summary>How far the schedule projection's outbox cursor is behind, and how long it takes to catch up (bounded).</summary>
    private static async Task<JsonObject> OutboxLagAsync(string dbPath, TimeSpan max)
    {
        var sw = Stopwatch.StartNew();
        long behind0 = -1, behind = 0;
        while (sw.Elapsed < max)
        {
            await using var c = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=False");
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT (SELECT IFNULL(MAX(Id),0) FROM Outbox) - IFNULL((SELECT MIN(LastMessageId) FROM OutboxCursors),0)";
            behind = Convert.ToInt64(await cmd.ExecuteScalarAsync());
            if (behind0 < 0) behind0 = behind;
            if (behind <= 0) break;
            await Task.Delay(50);
        }
        return new JsonObject { ["messagesBehindAtEnd"] = behind0, ["caughtUpSeconds"] = behind <= 0 ? Math.Round(sw.Elapsed.TotalSeconds, 2) : null };
    }

    private static JsonObject Integrity(string dbPath, int[] burstRoomIds)
    {
        using var c = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=False");
        c.Open();
        long Scalar(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(cmd.ExecuteScalar());
        }
        const string active = "State IN ('Confirmed','PendingApproval','InMeeting')";
        var rooms = string.Join(',', burstRoomIds);
        return new JsonObject
        {
            ["doubleBookedSlots"] = Scalar($"SELECT COUNT(*) FROM (SELECT RoomId, Date, PeriodStart FROM Bookings WHERE {active} GROUP BY RoomId, Date, PeriodStart HAVING COUNT(*) > 1)"),
            ["doubleBookedSlotsAnyState"] = Scalar("SELECT COUNT(*) FROM (SELECT RoomId, Date, PeriodStart FROM Bookings GROUP BY RoomId, Date, PeriodStart HAVING COUNT(*) > 1)"),
            ["activeBookings"] = Scalar($"SELECT COUNT(*) FROM Bookings WHERE {active}"),
            ["burstRoomBookings"] = Scalar($"SELECT COUNT(*) FROM Bookings WHERE RoomId IN ({rooms})"),
            ["outboxRows"] = Scalar("SELECT COUNT(*) FROM Outbox"),
            ["sql"] = $"SELECT COUNT(*) FROM (SELECT RoomId, Date, PeriodStart FROM Bookings WHERE {active} GROUP BY RoomId, Date, PeriodStart HAVING COUNT(*) > 1)",
        };
    }
}
