using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MeetingRoom.Bench;

/// <summary>
/// Scenario 5: wall time from starting the published app's process to <c>/health/ready</c> answering
/// 200 (polled every 5 ms). Run 1 uses a fresh (absent) SQLite file, so it includes creating the
/// database and applying the migrations; later runs start on the existing file.
/// </summary>
public static class Startup
{
    public static async Task<int> RunAsync(Args a)
    {
        var appDir = Path.GetFullPath(a.Req("--app"));
        var db = Path.GetFullPath(a.Req("--db"));
        var runs = a.Int("--runs", 3);
        var port = a.Int("--port", 5191);
        var results = new JsonArray();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);

        for (var run = 1; run <= runs; run++)
        {
            var psi = new ProcessStartInfo(Path.Combine(appDir, "MeetingRoom.Web"))
            {
                WorkingDirectory = appDir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            psi.Environment["ConnectionStrings__MeetingRoom"] = $"Data Source={db}";
            var fresh = !File.Exists(db);
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            double? liveMs = null, readyMs = null;
            try
            {
                while (sw.Elapsed < TimeSpan.FromSeconds(60) && !p.HasExited)
                {
                    try
                    {
                        if (liveMs is null && (await http.GetAsync($"http://127.0.0.1:{port}/health/live")).IsSuccessStatusCode)
                            liveMs = sw.Elapsed.TotalMilliseconds;
                        if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode)
                        {
                            readyMs = sw.Elapsed.TotalMilliseconds;
                            break;
                        }
                    }
                    catch (HttpRequestException) { }
                    catch (TaskCanceledException) { }
                    await Task.Delay(5);
                }
                var rssKb = CpuMeter.RssKb(p.Id);
                var cpu = p.TotalProcessorTime.TotalSeconds;
                results.Add(new JsonObject
                {
                    ["run"] = run, ["freshDatabase"] = fresh,
                    ["liveMs"] = liveMs is { } l ? Math.Round(l, 1) : null,
                    ["readyMs"] = readyMs is { } r ? Math.Round(r, 1) : null,
                    ["cpuSecondsToReady"] = Math.Round(cpu, 2), ["rssMbAtReady"] = Math.Round(rssKb / 1024.0, 1),
                });
                Json.Log($"startup run {run} (fresh db: {fresh}): ready in {readyMs:F0} ms");
            }
            finally
            {
                try { p.Kill(entireProcessTree: true); p.WaitForExit(10_000); } catch { }
            }
            await Task.Delay(300);
        }
        Json.Write(a.Req("--out"), new JsonObject { ["runs"] = results });
        return results.All(r => r!["readyMs"] is not null) ? 0 : 1;
    }
}
