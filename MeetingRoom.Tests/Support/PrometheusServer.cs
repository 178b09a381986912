using System.Net.Http.Json;
using System.Text.Json;
using MeetingRoom.Tests.ScaleOut;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// A throw-away Debian <c>prometheus</c> (<see cref="PrometheusPath"/>) on a free port of 127.0.0.1, with its own
/// configuration and data folder in a fresh temp folder (never the system's <c>/etc/prometheus</c> or
/// <c>/var/lib/prometheus</c>, never port 9090): it scrapes the given targets' <c>/metrics</c> every
/// <c>scrapeInterval</c> under job "meetingroom", optionally evaluating a rules file. Killed and its folder deleted
/// when disposed. <see cref="PromtoolPath"/> finds Debian's <c>promtool</c> for checking rules files.
/// </summary>
public sealed class PrometheusServer : IDisposable
{
    public const string Job = "meetingroom";

    private readonly ServerProcess _process;
    private readonly HttpClient _http;

    /// <summary>The folder holding <c>prometheus.yml</c> and <c>data/</c>.</summary>
    public string Folder { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    /// <summary>What prometheus printed so far (for failure messages).</summary>
    public string Output => _process.Output;

    private PrometheusServer(ServerProcess process, string folder, int port)
    {
        (_process, Folder, Port) = (process, folder, port);
        _http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Debian's <c>prometheus</c> binary.</summary>
    /// <exception cref="InvalidOperationException">when it is not installed (./test.sh installs Debian's prometheus).</exception>
    public static string PrometheusPath => ServerProcess.Find("prometheus")
        ?? throw new InvalidOperationException("prometheus is not installed: ./test.sh installs Debian's prometheus.");

    /// <summary>Debian's <c>promtool</c> (from the same package: <c>promtool check rules FILE</c>).</summary>
    /// <exception cref="InvalidOperationException">when it is not installed (./test.sh installs Debian's prometheus).</exception>
    public static string PromtoolPath => ServerProcess.Find("promtool")
        ?? throw new InvalidOperationException("promtool is not installed: ./test.sh installs Debian's prometheus.");

    /// <summary>
    /// Starts prometheus scraping <paramref name="targets"/> (<c>host:port</c>, plain HTTP) every
    /// <paramref name="scrapeInterval"/> (default 1 s); waits until it answers <c>/-/ready</c> (at most 60 s).
    /// </summary>
    /// <param name="rulesFile">A rules file to load (alerting or recording rules), or null.</param>
    /// <exception cref="InvalidOperationException">prometheus is not installed, or exited while starting (message holds its output).</exception>
    public static async Task<PrometheusServer> StartAsync(IEnumerable<string> targets, TimeSpan? scrapeInterval = null, string? rulesFile = null)
    {
        var program = PrometheusPath;
        var port = LoopbackPort.Free();
        var folder = Path.Combine(Path.GetTempPath(), "meetingroom-prometheus", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        var interval = $"{(int)Math.Max(1, (scrapeInterval ?? TimeSpan.FromSeconds(1)).TotalSeconds)}s";
        var config = $"""
            global:
              scrape_interval: {interval}
              evaluation_interval: {interval}
            {(rulesFile is null ? "" : $"rule_files:\n  - '{rulesFile}'\n")}scrape_configs:
              - job_name: {Job}
                metrics_path: /metrics
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(t => $"'{t}'"))}]
            """;
        var file = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(file, config);
        var process = ServerProcess.Start("prometheus", program,
            [$"--config.file={file}", $"--storage.tsdb.path={Path.Combine(folder, "data")}", $"--web.listen-address=127.0.0.1:{port}",
             "--storage.tsdb.retention.time=1h", "--log.level=warn"], workingDirectory: folder);
        var server = new PrometheusServer(process, folder, port);
        try
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"prometheus exited while starting:\n{process.Output}");
                try
                {
                    if ((await server._http.GetAsync("/-/ready")).IsSuccessStatusCode) return server;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                if (DateTime.UtcNow > until) throw new TimeoutException($"prometheus was not ready in 60 s:\n{process.Output}");
                await Task.Delay(200);
            }
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>An instant query (<c>/api/v1/query</c>): the <c>data.result</c> array (vector: objects with <c>metric</c> and <c>value</c> [time, "number"]).</summary>
    /// <exception cref="InvalidOperationException">the query failed (its error and message).</exception>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/query?query={Uri.EscapeDataString(promql)}");
        if (answer.GetProperty("status").GetString() != "success")
            throw new InvalidOperationException($"prometheus query {promql} failed: {answer}");
        return answer.GetProperty("data").GetProperty("result");
    }

    /// <summary>
    /// Queries <paramref name="promql"/> until <paramref name="done"/> holds for its result (polls every 500 ms), and
    /// returns that result; fails the test after <paramref name="timeout"/> (default 60 s) with the last result.
    /// </summary>
    public async Task<JsonElement> WaitForAsync(string promql, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var result = await QueryAsync(promql);
            if (done(result)) return result;
            if (DateTime.UtcNow > until)
            {
                var targets = await _http.GetStringAsync("/api/v1/targets");
                Assert.Fail($"prometheus never showed what was expected for {promql}; last result {result}\ntargets: {targets}\n{Output}");
            }
            await Task.Delay(500);
        }
    }

    /// <summary>The vector's samples as (label value, number), e.g. by <c>instance</c>.</summary>
    public static IReadOnlyDictionary<string, double> ByLabel(JsonElement vector, string label) => vector.EnumerateArray().ToDictionary(
        s => s.GetProperty("metric").TryGetProperty(label, out var l) ? l.GetString()! : "",
        s => double.Parse(s.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose()
    {
        _http.Dispose();
        _process.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
