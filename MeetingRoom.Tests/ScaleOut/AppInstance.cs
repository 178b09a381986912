using MeetingRoom.Tests.Support;
using System.Net.Http.Json;

namespace MeetingRoom.Tests.ScaleOut;

/// <summary>
/// One instance of the app as its own process (<c>dotnet MeetingRoom.Web.dll</c> from the build output), on a
/// fixed loopback port, sharing PostgreSQL and Redis with the others. The outbox poll is set to ten minutes, so a
/// change that reaches another instance's screens in time came by the Redis wake-up, not by polling. It serves
/// <c>/metrics</c> for Prometheus to loopback clients.
/// </summary>
public sealed class AppInstance : IDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _dll;
    private ServerProcess? _process;

    public string Name { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public bool IsRunning => _process is { HasExited: false };
    public string Output => _process?.Output ?? "";

    public AppInstance(string name, string repository, string database, string redis, bool seedsDemo)
    {
        Name = name;
        Port = LoopbackPort.Free();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // …/bin/<Configuration>/net10.0/
        _dll = Path.Combine(repository, "MeetingRoom.Web", "bin", configuration, "net10.0", "MeetingRoom.Web.dll");
        _environment = new()
        {
            // Development: static web assets (blazor.web.js, MudBlazor) come from the build output.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_CONTENTROOT"] = Path.Combine(repository, "MeetingRoom.Web"),
            ["ASPNETCORE_URLS"] = BaseUrl,
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__MeetingRoom"] = database,
            ["ConnectionStrings__Redis"] = redis,
            ["Instance__Name"] = name,
            ["Demo__Enabled"] = seedsDemo ? "true" : "false",
            ["Demo__Password"] = ScaleOutCluster.Password,
            ["Identity__PasswordHasher__IterationCount"] = "1000",
            ["SignInRateLimit__PermitLimit"] = "0",
            ["Drain__DelaySeconds"] = "2",
            ["Outbox__PollMilliseconds"] = "600000",
            ["Auth__RevalidateSeconds"] = "2", // cookies and open pages of a deactivated member go within seconds (DeactivationScaleOutTests)
            ["Observability__Prometheus"] = "true", // /metrics for loopback (PrometheusScrapeTests)
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["DOTNET_NOLOGO"] = "1",
        };
    }

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(_dll)) throw new InvalidOperationException($"{_dll} is missing: build the solution first.");
        _process?.Dispose();
        _process = ServerProcess.Start($"instance {Name}", "dotnet", [_dll], _environment, Path.GetDirectoryName(_dll));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Instance {Name} exited while starting:\n{_process.Output}");
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > until) throw new TimeoutException($"Instance {Name} was not ready in 90 s:\n{_process.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGTERM, then waits for the process to end (it drains first).</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.Terminate();
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>kill -9.</summary>
    public void KillHard() => _process?.KillHard();

    public void Dispose() => _process?.Dispose();
}
