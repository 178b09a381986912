using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace MeetingRoom.Bench;

/// <summary>
/// Scenario 3, the raw limit: the same booking row + outbox row the app writes per booking,
/// inserted straight into SQLite in one transaction, with the app's settings (journal_mode=WAL,
/// synchronous=NORMAL, foreign_keys=ON as EF Core sets it), into a database with the app's schema
/// (copied from the app's file after the load, with its rooms). Row shapes are copied from a real
/// booking and outbox row the app wrote. From 1 connection and from N connections (each its own
/// thread and connection, as the app's requests are).
/// </summary>
public static class Raw
{
    public static async Task<int> RunAsync(Args a)
    {
        var from = Path.GetFullPath(a.Req("--from"));
        var db = Path.GetFullPath(a.Req("--db"));
        var seconds = Env.Int("BENCH_RAW_SECONDS", 5);
        var conns = Env.Ints("BENCH_RAW_CONNECTIONS", "1,4,32");
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);

        // Schema + rooms + one template row of each table.
        Dictionary<string, object?> booking, outbox;
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            Exec(c, "PRAGMA journal_mode=WAL;");
            Exec(c, $"ATTACH DATABASE '{from.Replace("'", "''")}' AS app;");
            var ddl = new List<string>();
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT sql FROM app.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC"; // tables before indexes
                using var r = cmd.ExecuteReader();
                while (r.Read()) ddl.Add(r.GetString(0));
            }
            foreach (var sql in ddl) Exec(c, sql);
            Exec(c, "INSERT INTO main.Rooms SELECT * FROM app.Rooms;");
            booking = Row(c, "SELECT * FROM app.Bookings ORDER BY BookedAt DESC LIMIT 1");
            outbox = Row(c, "SELECT * FROM app.Outbox WHERE Type = 'BookingPlaced' ORDER BY Id DESC LIMIT 1");
            Exec(c, "DETACH DATABASE app;");
        }
        outbox.Remove("Id");
        var roomIds = new List<long>();
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT Id FROM Rooms";
            using var r = cmd.ExecuteReader();
            while (r.Read()) roomIds.Add(r.GetInt64(0));
        }

        var results = new JsonArray();
        long keyBase = 0;
        foreach (var n in conns)
            results.Add(await RunAsync($"{n} connection(s), kept open, prepared", n, seconds, db, booking, outbox, roomIds, keyBase += 10_000_000, keepOpen: true));
        var maxN = conns.Max();
        results.Add(await RunAsync($"{maxN} connections, kept open, one in-process async write gate (SemaphoreSlim) around each transaction",
            maxN, seconds, db, booking, outbox, roomIds, keyBase += 10_000_000, keepOpen: true, gated: true));
        results.Add(await RunAsync("1 connection, pooled open/close + PRAGMA synchronous per transaction (as the app's interceptor does)",
            1, seconds, db, booking, outbox, roomIds, keyBase += 10_000_000, keepOpen: false));
        long rows;
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM Bookings";
            rows = Convert.ToInt64(cmd.ExecuteScalar());
        }
        Json.Write(a.Req("--out"), new JsonObject
        {
            ["sqliteVersion"] = SqliteVersion(db), ["pragmas"] = "journal_mode=WAL, synchronous=NORMAL, foreign_keys=ON",
            ["perTransaction"] = "INSERT Bookings (row copied from the app) + INSERT Outbox ... RETURNING Id, in BEGIN…COMMIT (Microsoft.Data.Sqlite BeginTransaction, as EF)",
            ["rowsWritten"] = rows, ["runs"] = results,
        });
        return 0;
    }

    private static async Task<JsonObject> RunAsync(string name, int connections, int seconds, string db,
        Dictionary<string, object?> booking, Dictionary<string, object?> outbox, List<long> roomIds, long keyBase, bool keepOpen, bool gated = false)
    {
        long next = keyBase;
        var lat = new Latencies();
        var cpu = new CpuMeter(null);
        var sw = Stopwatch.StartNew();
        var cs = $"Data Source={db};Pooling=True;Default Timeout=30";
        var baseDate = DateOnly.Parse("2100-01-01");
        var gate = new SemaphoreSlim(1, 1);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Factory.StartNew(async () =>
        {
            SqliteConnection? conn = null;
            SqliteCommand? insBooking = null, insOutbox = null;
            void Open()
            {
                conn = new SqliteConnection(cs);
                conn.Open();
                Exec(conn, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
                insBooking = Insert(conn, "Bookings", booking, "");
                insOutbox = Insert(conn, "Outbox", outbox, " RETURNING Id");
            }
            if (keepOpen) Open();
            for (var i = 0; sw.Elapsed.TotalSeconds < seconds && i < 5_000_000; i++)
            {
                var k = Interlocked.Increment(ref next);
                var t0 = Stopwatch.GetTimestamp();
                if (!keepOpen) Open();
                if (gated) await gate.WaitAsync();
                using (var tx = conn!.BeginTransaction())
                {
                    insBooking!.Transaction = tx;
                    insOutbox!.Transaction = tx;
                    insBooking.Parameters["@Id"].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                    insBooking.Parameters["@RoomId"].Value = roomIds[(int)(k % roomIds.Count)];
                    insBooking.Parameters["@Date"].Value = baseDate.AddDays((int)(k / roomIds.Count % 700_000)).ToString("yyyy-MM-dd");
                    insBooking.Parameters["@PeriodStart"].Value = $"{k / roomIds.Count / 700_000 % 24:00}:{k % 60:00}:00";
                    insBooking.ExecuteNonQuery();
                    insOutbox.ExecuteScalar();
                    tx.Commit();
                }
                if (gated) gate.Release();
                if (!keepOpen) { insBooking.Dispose(); insOutbox.Dispose(); conn.Dispose(); }
                lat.Add(Stopwatch.GetTimestamp() - t0);
            }
            if (keepOpen) conn!.Dispose();
        }, TaskCreationOptions.LongRunning).Unwrap()));
        var elapsed = sw.Elapsed.TotalSeconds;
        var row = new JsonObject
        {
            ["name"] = name, ["connections"] = connections, ["seconds"] = Math.Round(elapsed, 2),
            ["transactionsPerSecond"] = Math.Round(lat.Count / elapsed, 1), ["latencyMs"] = lat.ToJson(), ["cpu"] = cpu.Stop(),
        };
        Json.Log($"raw {name}: {lat.Count / elapsed:F0} tx/s");
        return row;
    }

    private static SqliteCommand Insert(SqliteConnection c, string table, Dictionary<string, object?> template, string suffix)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", template.Keys.Select(k => $"\"{k}\""))}) VALUES ({string.Join(", ", template.Keys.Select(k => "@" + k))}){suffix};";
        foreach (var (k, v) in template) cmd.Parameters.AddWithValue("@" + k, v ?? DBNull.Value);
        cmd.Prepare();
        return cmd;
    }

    private static Dictionary<string, object?> Row(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        if (!r.Read()) throw new InvalidOperationException($"no template row: {sql}");
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < r.FieldCount; i++) row[r.GetName(i)] = r.IsDBNull(i) ? null : r.GetValue(i);
        return row;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string SqliteVersion(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select sqlite_version()";
        return (string)cmd.ExecuteScalar()!;
    }
}
