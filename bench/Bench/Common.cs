using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeetingRoom.Bench;

public sealed class Args(string[] args)
{
    public string? Get(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
    public string Req(string name) => Get(name) ?? throw new ArgumentException($"missing {name}");
    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v) : fallback;
}

public static class Env
{
    public static int Int(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;
    public static string Str(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
    public static int[] Ints(string name, string fallback) => Str(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
}

/// <summary>Latency samples (Stopwatch ticks) → percentiles in milliseconds.</summary>
public sealed class Latencies
{
    private readonly List<long> _ticks = [];
    private readonly Lock _gate = new();
    public void Add(long ticks) { lock (_gate) _ticks.Add(ticks); }
    public void AddRange(IEnumerable<long> ticks) { lock (_gate) _ticks.AddRange(ticks); }
    public int Count => _ticks.Count;

    public JsonObject ToJson()
    {
        long[] s;
        lock (_gate) s = [.. _ticks];
        Array.Sort(s);
        double Ms(long t) => Math.Round(t * 1000.0 / Stopwatch.Frequency, 2);
        double P(double q) => s.Length == 0 ? 0 : Ms(s[Math.Min(s.Length - 1, (int)Math.Ceiling(q * s.Length) - 1)]);
        return new JsonObject
        {
            ["n"] = s.Length,
            ["p50"] = P(0.50), ["p90"] = P(0.90), ["p95"] = P(0.95), ["p99"] = P(0.99),
            ["max"] = s.Length == 0 ? 0 : Ms(s[^1]),
            ["mean"] = s.Length == 0 ? 0 : Math.Round(s.Average() * 1000.0 / Stopwatch.Frequency, 2),
            // share of samples per 50 ms bucket ("0" = 0-50 ms, …, "1000" = 1 s and more): shows the 150 ms busy-retry steps
            ["histogram50ms"] = new JsonObject(s.GroupBy(t => Math.Min(20, (int)(t * 1000.0 / Stopwatch.Frequency / 50)) * 50)
                .OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key.ToString(), (JsonNode?)Math.Round(g.Count() / (double)s.Length, 4)))),
        };
    }
}

/// <summary>Status counts: 201 / 409 / 429 / 5xx / other / transport errors.</summary>
public sealed class Outcomes
{
    public long Created, Conflict, TooMany, ServerError, Other, Errors;
    public readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> ConflictTypes = new();
    public void Add(int status)
    {
        switch (status)
        {
            case 201: Interlocked.Increment(ref Created); break;
            case 409: Interlocked.Increment(ref Conflict); break;
            case 429: Interlocked.Increment(ref TooMany); break;
            case >= 500: Interlocked.Increment(ref ServerError); break;
            case 0: Interlocked.Increment(ref Errors); break;
            default: Interlocked.Increment(ref Other); break;
        }
    }
    public long Total => Created + Conflict + TooMany + ServerError + Other + Errors;
    public JsonObject ToJson() => new()
    {
        ["total"] = Total, ["201"] = Created, ["409"] = Conflict, ["429"] = TooMany, ["5xx"] = ServerError,
        ["other"] = Other, ["transportErrors"] = Errors,
        ["409Types"] = new JsonObject(ConflictTypes.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
    };
}

/// <summary>CPU seconds of this process and of another process (the server) from /proc, between two points.</summary>
public sealed class CpuMeter
{
    private readonly int? _serverPid;
    private readonly TimeSpan _self0;
    private readonly double _server0;
    private readonly long _t0 = Stopwatch.GetTimestamp();

    public CpuMeter(int? serverPid)
    {
        _serverPid = serverPid;
        _self0 = Process.GetCurrentProcess().TotalProcessorTime;
        _server0 = ServerCpuSeconds(serverPid);
    }

    public static double ServerCpuSeconds(int? pid)
    {
        if (pid is null) return 0;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[11] = utime, fields[12] = stime (after pid and comm; 0-based from state)
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
        }
        catch { return 0; }
    }

    public static long RssKb(int? pid)
    {
        if (pid is null) return 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:")) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        catch { }
        return 0;
    }

    public JsonObject Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_t0).TotalSeconds;
        var self = (Process.GetCurrentProcess().TotalProcessorTime - _self0).TotalSeconds;
        var server = ServerCpuSeconds(_serverPid) - _server0;
        return new JsonObject
        {
            ["wallSeconds"] = Math.Round(wall, 2),
            ["driverCpuSeconds"] = Math.Round(self, 2),
            ["serverCpuSeconds"] = Math.Round(server, 2),
            ["driverCores"] = Math.Round(self / wall, 2),
            ["serverCores"] = Math.Round(server / wall, 2),
        };
    }
}

public static class Json
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    public static void Write(string path, JsonNode node)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
    public static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
