using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;

namespace MeetingRoom.Bench;

/// <summary>
/// The two-instance scenario (issue 11, item 8; driven by bench/scaleout.sh): PostgreSQL + Redis + instances A and B.
///   so-setup --base URL --tokens FILE                          rooms, window rule, limits off, sign-ins (through instance A)
///   so-load  --bases A,B --pg CS --tokens FILE --server-pids P,Q --out FILE   sustained booking spread over both instances
///   pg-raw   --pg CS --out FILE                                 booking + outbox rows straight into PostgreSQL (Npgsql)
/// Counts come from BENCH_* environment variables (bench/scaleout.sh).
/// </summary>
public static class ScaleOut
{
    public static async Task<int> SetupAsync(Args a)
    {
        var baseUrl = a.Req("--base");
        var password = Environment.GetEnvironmentVariable("BENCH_PASSWORD")!;
        var m = Env.Int("BENCH_SO_MEMBERS", 200);
        var pushRooms = Env.Int("BENCH_ROOMS", 20);
        var loadRoomCount = Env.Int("BENCH_SUSTAINED_ROOMS", 60);
        using var http = Client(baseUrl, m);
        var sw = Stopwatch.StartNew();
        var admin = await Load.LoginAsync(http, Seed.AdminEmail, password);
        var today = DateOnly.Parse((await Load.GetJsonAsync(http, admin, "/api/schedule"))!["date"]!.GetValue<string>());
        var periods = (await Load.GetJsonAsync(http, admin, "/api/admin/timetable"))!["periods"]!.AsArray()
            .Select(p => p!["start"]!.GetValue<string>()).ToArray();
        // As the single-instance scenarios: every slot from tomorrow on is open now, member limits off.
        await Load.SendJsonAsync(http, HttpMethod.Put, "/api/admin/booking-window", admin,
            new { mode = "DailyAt", leadMinutes = 0, dailyAt = "00:00", daysBefore = 365 });
        await Load.SendJsonAsync(http, HttpMethod.Put, "/api/admin/booking-limits", admin,
            new { maxPerPeriod = 0, maxPerDay = 0, maxUpcoming = 0 }, allowNotFound: true);
        var rooms = new List<Load.RoomRef>();
        var loadRooms = new List<Load.RoomRef>();
        for (var i = 1; i <= pushRooms; i++) rooms.Add(await Load.CreateRoomAsync(http, admin, $"Push-{i:00}", 1));
        for (var i = 1; i <= loadRoomCount; i++) loadRooms.Add(await Load.CreateRoomAsync(http, admin, $"Load-{i:000}", 2 + i / 20));
        var tokens = new string[m];
        await Parallel.ForAsync(0, m, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            tokens[i] = await Load.LoginAsync(http, Seed.MemberEmail(i + 1), password));
        static JsonArray RoomsJson(IEnumerable<Load.RoomRef> rs) => new(rs.Select(x => (JsonNode)new JsonObject { ["id"] = x.Id, ["name"] = x.Name }).ToArray());
        Json.Write(a.Req("--tokens"), new JsonObject
        {
            ["today"] = today.ToString("yyyy-MM-dd"),
            ["date"] = today.AddDays(1).ToString("yyyy-MM-dd"), // push.mjs books here
            ["periods"] = new JsonArray(periods.Select(p => (JsonNode)p!).ToArray()),
            ["rooms"] = RoomsJson(rooms.Concat(loadRooms)),
            ["loadRooms"] = RoomsJson(loadRooms),
            ["members"] = new JsonArray(tokens.Select((t, i) => (JsonNode)new JsonObject { ["email"] = Seed.MemberEmail(i + 1), ["token"] = t }).ToArray()),
            ["setupSeconds"] = Math.Round(sw.Elapsed.TotalSeconds, 2),
        });
        Json.Log($"scale-out set-up: {pushRooms}+{loadRoomCount} rooms, {m} members signed in on {baseUrl} in {sw.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    public static async Task<int> LoadAsync(Args a)
    {
        var bases = a.Req("--bases").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var pg = a.Req("--pg");
        var pids = (a.Get("--server-pids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var handoff = JsonNode.Parse(File.ReadAllText(a.Req("--tokens")))!;
        var today = DateOnly.Parse(handoff["today"]!.GetValue<string>());
        var periods = handoff["periods"]!.AsArray().Select(p => p!.GetValue<string>()).ToArray();
        var loadRooms = handoff["loadRooms"]!.AsArray().Select(r => r!["id"]!.GetValue<int>()).ToArray();
        var tokens = handoff["members"]!.AsArray().Select(x => x!["token"]!.GetValue<string>()).ToArray();
        var levels = Env.Ints("BENCH_SO_CONNECTIONS", "32,100,200");
        var seconds = Env.Int("BENCH_SO_SUSTAINED_SECONDS", 20);
        var clients = bases.Select(b => Client(b, levels.Max())).ToArray();

        // Open the connections once (not measured).
        await Task.WhenAll(Enumerable.Range(0, levels.Max()).Select(i => clients[i % clients.Length].GetAsync("/health/live")));
        // Warm-up (not measured): bookings through every instance on dates the levels never use (the push scenario booked
        // only through the first instance, so the others have not yet run the booking path: JIT, pools).
        var warm = new Outcomes();
        var warmSlots = Enumerable.Range(0, Env.Int("BENCH_SO_WARMUP_BOOKINGS", 20) * clients.Length).ToArray();
        await Parallel.ForEachAsync(warmSlots, new ParallelOptions { MaxDegreeOfParallelism = 4 * clients.Length }, async (k, _) =>
            await Load.PostBookingAsync(clients[k % clients.Length], tokens[k % tokens.Length],
                Load.Body(loadRooms[k % loadRooms.Length], today.AddDays(2 + k / (loadRooms.Length * periods.Length)), periods[k / loadRooms.Length % periods.Length]), warm));
        Json.Log($"scale-out warm-up: {warm.Total} bookings over {clients.Length} instances ({warm.Created} × 201)");

        var rows = new JsonArray();
        const int firstDate = 26;
        var span = (365 - firstDate) / levels.Length;
        for (var li = 0; li < levels.Length; li++)
        {
            var conns = levels[li];
            var baseDate = today.AddDays(firstDate + li * span);
            var slotCount = (long)loadRooms.Length * periods.Length * span;
            long next = -1;
            var lat = new Latencies();
            var outcomes = new Outcomes();
            var perInstance = bases.Select(_ => new Outcomes()).ToArray();
            var cpu = pids.Select(p => new CpuMeter(p)).ToArray();
            var driver = new CpuMeter(null);
            var pgCpu0 = PostgresCpuSeconds();
            var sw = Stopwatch.StartNew();
            var duration = TimeSpan.FromSeconds(seconds);
            // Connection w always goes to instance w % N: half of the connections on A, half on B.
            await Task.WhenAll(Enumerable.Range(0, conns).Select(w => Task.Run(async () =>
            {
                var http = clients[w % clients.Length];
                var mine = perInstance[w % clients.Length];
                while (sw.Elapsed < duration)
                {
                    var k = Interlocked.Increment(ref next);
                    if (k >= slotCount) break;
                    var room = loadRooms[(int)(k % loadRooms.Length)];
                    var period = periods[(int)(k / loadRooms.Length % periods.Length)];
                    var date = baseDate.AddDays((int)(k / ((long)loadRooms.Length * periods.Length)));
                    var t0 = Stopwatch.GetTimestamp();
                    var status = await Load.PostBookingAsync(http, tokens[k % tokens.Length], Load.Body(room, date, period), outcomes);
                    lat.Add(Stopwatch.GetTimestamp() - t0);
                    mine.Add(status);
                }
            })));
            var elapsed = sw.Elapsed.TotalSeconds;
            var serverCpu = cpu.Select(c => c.Stop()).ToArray();
            var serverCores = serverCpu.Sum(c => c["serverCores"]!.GetValue<double>());
            var row = new JsonObject
            {
                ["connections"] = conns, ["seconds"] = Math.Round(elapsed, 2),
                ["bookingsPerSecond"] = Math.Round(outcomes.Created / elapsed, 1),
                ["requestsPerSecond"] = Math.Round(outcomes.Total / elapsed, 1),
                ["latencyMs"] = lat.ToJson(), ["outcomes"] = outcomes.ToJson(),
                ["perInstance"] = new JsonArray(bases.Select((b, i) => (JsonNode)new JsonObject
                {
                    ["base"] = b, ["requests"] = perInstance[i].Total, ["201"] = perInstance[i].Created,
                    ["serverCores"] = i < serverCpu.Length ? serverCpu[i]["serverCores"]!.GetValue<double>() : null,
                }).ToArray()),
                ["serverCores"] = Math.Round(serverCores, 2),
                ["postgresCores"] = Math.Round((PostgresCpuSeconds() - pgCpu0) / elapsed, 2),
                ["driverCores"] = driver.Stop()["driverCores"]!.GetValue<double>(),
                ["serverCpuMsPerRequest"] = outcomes.Total == 0 ? 0 : Math.Round(serverCpu.Sum(c => c["serverCpuSeconds"]!.GetValue<double>()) * 1000 / outcomes.Total, 3),
            };
            Json.Log($"scale-out sustained {conns}: {outcomes.Created / elapsed:F0} bookings/s, p99 {row["latencyMs"]!["p99"]} ms, non-201 {outcomes.Total - outcomes.Created}");
            row["outboxAfter"] = await OutboxLagAsync(pg, TimeSpan.FromSeconds(30));
            rows.Add(row);
        }
        Json.Write(a.Req("--out"), new JsonObject
        {
            ["instances"] = new JsonArray(bases.Select(b => (JsonNode)b!).ToArray()),
            ["members"] = tokens.Length, ["rooms"] = loadRooms.Length, ["periods"] = periods.Length,
            ["sustained"] = rows, ["integrity"] = await IntegrityAsync(pg),
        });
        return 0;
    }

    /// <summary>
    /// PostgreSQL alone: per transaction INSERT "Bookings" (a row copied from one the app wrote, new id and slot) +
    /// INSERT "Outbox" … RETURNING "Id" (copied likewise), through Npgsql with a pooled connection opened per
    /// transaction as the app's DbContext does, at the same connection counts as the sustained loop; the instances
    /// are stopped meanwhile. Into the app's own database (schema, indexes incl. the unique filtered ones, rooms).
    /// </summary>
    public static async Task<int> RawAsync(Args a)
    {
        var pg = a.Req("--pg");
        var levels = Env.Ints("BENCH_SO_CONNECTIONS", "32,100,200");
        var seconds = Env.Int("BENCH_RAW_SECONDS", 5);
        var csb = new NpgsqlConnectionStringBuilder(pg) { MaxPoolSize = levels.Max() + 4, Timeout = 30 };
        await using var ds = NpgsqlDataSource.Create(csb.ConnectionString);
        List<(string Name, string Type, object? Value)> booking, outbox;
        var roomIds = new List<int>();
        string version;
        await using (var c = await ds.OpenConnectionAsync())
        {
            booking = await RowAsync(c, "SELECT * FROM \"Bookings\" ORDER BY \"BookedAt\" DESC LIMIT 1");
            outbox = await RowAsync(c, "SELECT * FROM \"Outbox\" ORDER BY (\"Type\" = 'BookingPlaced') DESC, \"Id\" DESC LIMIT 1");
            outbox.RemoveAll(x => x.Name == "Id");
            await using (var cmd = new NpgsqlCommand("SELECT \"Id\" FROM \"Rooms\"", c))
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) roomIds.Add(r.GetInt32(0));
            await using var v = new NpgsqlCommand("SHOW server_version", c);
            version = (string)(await v.ExecuteScalarAsync())!;
        }
        // Limits are off in this run, so the app writes no member claims; a template row with claims would collide.
        var claims = booking.Where(x => x.Name.EndsWith("Claim") && x.Value is not null).Select(x => x.Name).ToList();
        for (var i = 0; i < booking.Count; i++) if (claims.Contains(booking[i].Name)) booking[i] = booking[i] with { Value = null };
        var bookingSql = Insert("Bookings", booking, "");
        var outboxSql = Insert("Outbox", outbox, " RETURNING \"Id\"");
        var baseDate = new DateOnly(2200, 1, 1);

        var runs = new JsonArray();
        long keyBase = 0;
        foreach (var n in levels)
        {
            long next = keyBase += 100_000_000;
            var lat = new Latencies();
            long failed = 0;
            var cpu = new CpuMeter(null);
            var pgCpu0 = PostgresCpuSeconds();
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, n).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; sw.Elapsed.TotalSeconds < seconds && i < 5_000_000; i++)
                {
                    var k = Interlocked.Increment(ref next);
                    var t0 = Stopwatch.GetTimestamp();
                    try
                    {
                        await using var conn = await ds.OpenConnectionAsync();
                        await using var tx = await conn.BeginTransactionAsync();
                        await using (var ins = Command(conn, tx, bookingSql, booking))
                        {
                            ins.Parameters["Id"].Value = Guid.CreateVersion7();
                            ins.Parameters["RoomId"].Value = roomIds[(int)(k % roomIds.Count)];
                            ins.Parameters["Date"].Value = baseDate.AddDays((int)(k / roomIds.Count % 2_000_000));
                            await ins.ExecuteNonQueryAsync();
                        }
                        await using (var ob = Command(conn, tx, outboxSql, outbox)) await ob.ExecuteScalarAsync();
                        await tx.CommitAsync();
                        lat.Add(Stopwatch.GetTimestamp() - t0);
                    }
                    catch (NpgsqlException) { Interlocked.Increment(ref failed); }
                }
            })));
            var elapsed = sw.Elapsed.TotalSeconds;
            var row = new JsonObject
            {
                ["connections"] = n, ["seconds"] = Math.Round(elapsed, 2),
                ["transactionsPerSecond"] = Math.Round(lat.Count / elapsed, 1), ["failed"] = failed,
                ["latencyMs"] = lat.ToJson(), ["driverCores"] = cpu.Stop()["driverCores"]!.GetValue<double>(),
                ["postgresCores"] = Math.Round((PostgresCpuSeconds() - pgCpu0) / elapsed, 2),
            };
            runs.Add(row);
            Json.Log($"raw PostgreSQL {n} connection(s): {lat.Count / elapsed:F0} tx/s (failed {failed})");
        }
        // Issue 21: as Raw.cs does for SQLite, one connection kept open with prepared INSERTs (PostgreSQL's own rate
        // without pooling or re-parsing), so both ratios are taken against the same kind of raw figure.
        {
            long next = keyBase += 100_000_000;
            var lat = new Latencies();
            var cpu = new CpuMeter(null);
            var pgCpu0 = PostgresCpuSeconds();
            var sw = Stopwatch.StartNew();
            await using (var conn = await ds.OpenConnectionAsync())
            {
                await using var ins = Command(conn, null, bookingSql, booking);
                await using var ob = Command(conn, null, outboxSql, outbox);
                await ins.PrepareAsync();
                await ob.PrepareAsync();
                for (var i = 0; sw.Elapsed.TotalSeconds < seconds && i < 5_000_000; i++)
                {
                    var k = Interlocked.Increment(ref next);
                    var t0 = Stopwatch.GetTimestamp();
                    await using var tx = await conn.BeginTransactionAsync();
                    ins.Transaction = tx;
                    ob.Transaction = tx;
                    ins.Parameters["Id"].Value = Guid.CreateVersion7();
                    ins.Parameters["RoomId"].Value = roomIds[(int)(k % roomIds.Count)];
                    ins.Parameters["Date"].Value = baseDate.AddDays((int)(k / roomIds.Count % 2_000_000));
                    await ins.ExecuteNonQueryAsync();
                    await ob.ExecuteScalarAsync();
                    await tx.CommitAsync();
                    lat.Add(Stopwatch.GetTimestamp() - t0);
                }
            }
            var elapsed = sw.Elapsed.TotalSeconds;
            runs.Add(new JsonObject
            {
                ["name"] = "1 connection, kept open, prepared", ["connections"] = 1, ["keptOpen"] = true, ["seconds"] = Math.Round(elapsed, 2),
                ["transactionsPerSecond"] = Math.Round(lat.Count / elapsed, 1), ["failed"] = 0,
                ["latencyMs"] = lat.ToJson(), ["driverCores"] = cpu.Stop()["driverCores"]!.GetValue<double>(),
                ["postgresCores"] = Math.Round((PostgresCpuSeconds() - pgCpu0) / elapsed, 2),
            });
            Json.Log($"raw PostgreSQL 1 connection kept open, prepared: {lat.Count / elapsed:F0} tx/s");
        }
        Json.Write(a.Req("--out"), new JsonObject
        {
            ["postgresVersion"] = version,
            ["perTransaction"] = "BEGIN; INSERT \"Bookings\" (a row the app wrote: new id, room, date); INSERT \"Outbox\" … RETURNING \"Id\" (a row the app wrote); COMMIT — Npgsql, pooled connection opened per transaction, unprepared, as EF Core does",
            ["claimsCleared"] = new JsonArray(claims.Select(x => (JsonNode)x!).ToArray()),
            ["runs"] = runs,
        });
        return 0;
    }

    private static HttpClient Client(string baseUrl, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections + 16,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false, AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10),
    }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// CPU seconds of the run's cluster: its postmaster (BENCH_PG_PID, from postmaster.pid) and its children (backends,
    /// background workers); other clusters on a shared machine are not counted. A backend that exits in between takes its
    /// CPU time with it (the pools keep theirs open, so this is small). 0 when BENCH_PG_PID is not set.
    /// </summary>
    private static double PostgresCpuSeconds()
    {
        var postmaster = Env.Int("BENCH_PG_PID", 0);
        if (postmaster <= 0) return 0;
        double sum = CpuMeter.ServerCpuSeconds(postmaster);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]) == postmaster) sum += CpuMeter.ServerCpuSeconds(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            catch (FormatException) { }
        }
        return sum;
    }

    private static string Insert(string table, List<(string Name, string Type, object? Value)> cols, string suffix) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", cols.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", cols.Select(c => "@" + c.Name))}){suffix}";

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, List<(string Name, string Type, object? Value)> cols)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, type, value) in cols)
            cmd.Parameters.Add(new NpgsqlParameter { ParameterName = name, DataTypeName = type, Value = value ?? DBNull.Value });
        return cmd;
    }

    private static async Task<List<(string Name, string Type, object? Value)>> RowAsync(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await using var r = await cmd.ExecuteReaderAsync();
        if (!await r.ReadAsync()) throw new InvalidOperationException($"no template row: {sql}");
        var row = new List<(string, string, object?)>();
        for (var i = 0; i < r.FieldCount; i++)
        {
            var type = r.GetDataTypeName(i);
            object? value = r.IsDBNull(i) ? null : type switch
            {
                "date" => r.GetFieldValue<DateOnly>(i),
                "time without time zone" => r.GetFieldValue<TimeOnly>(i),
                _ => r.GetValue(i),
            };
            row.Add((r.GetName(i), type, value));
        }
        return row;
    }

    private static async Task<JsonObject> OutboxLagAsync(string pg, TimeSpan max)
    {
        await using var c = new NpgsqlConnection(pg);
        await c.OpenAsync();
        var sw = Stopwatch.StartNew();
        long behind0 = -1, behind = 0;
        while (sw.Elapsed < max)
        {
            await using var cmd = new NpgsqlCommand(
                "SELECT COALESCE((SELECT MAX(\"Id\") FROM \"Outbox\"),0) - COALESCE((SELECT MIN(\"LastMessageId\") FROM \"OutboxCursors\"),0)", c);
            behind = Convert.ToInt64(await cmd.ExecuteScalarAsync());
            if (behind0 < 0) behind0 = behind;
            if (behind <= 0) break;
            await Task.Delay(50);
        }
        return new JsonObject { ["messagesBehindAtEnd"] = behind0, ["caughtUpSeconds"] = behind <= 0 ? Math.Round(sw.Elapsed.TotalSeconds, 2) : null };
    }

    private static async Task<JsonObject> IntegrityAsync(string pg)
    {
        await using var c = new NpgsqlConnection(pg);
        await c.OpenAsync();
        async Task<long> Scalar(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, c);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync());
        }
        const string active = "\"State\" IN ('Confirmed','PendingApproval','InMeeting')";
        return new JsonObject
        {
            ["doubleBookedSlots"] = await Scalar($"SELECT COUNT(*) FROM (SELECT 1 FROM \"Bookings\" WHERE {active} GROUP BY \"RoomId\", \"Date\", \"PeriodStart\" HAVING COUNT(*) > 1) d"),
            ["activeBookings"] = await Scalar($"SELECT COUNT(*) FROM \"Bookings\" WHERE {active}"),
            ["outboxRows"] = await Scalar("SELECT COUNT(*) FROM \"Outbox\""),
        };
    }
}
