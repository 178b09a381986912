using MeetingRoom.Tests.Support;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MeetingRoom.Tests.ScaleOut;

/// <summary>
/// A server started by a test as a child process (redis-server, nginx, an app instance): its output is kept for
/// the failure message, and it is killed when disposed. <see cref="Terminate"/> sends SIGTERM (a graceful stop),
/// <see cref="KillHard"/> SIGKILL (kill -9).
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process) => _process = process;

    public string Name { get; private init; } = "";
    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    /// <summary>Starts <paramref name="file"/> with <paramref name="arguments"/> and extra environment variables.</summary>
    public static ServerProcess Start(string name, string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process) { Name = name };
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        if (!process.Start()) throw new InvalidOperationException($"{name}: could not start {file}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
            if (_output.Length < 200_000) _output.AppendLine(line);
    }

    /// <summary>What the process printed so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>SIGTERM: the process shuts down gracefully.</summary>
    public void Terminate()
    {
        if (!_process.HasExited) Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
    }

    /// <summary>SIGKILL (kill -9): the process dies at once, mid-whatever.</summary>
    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(new CancellationTokenSource(timeout).Token);

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }


    /// <summary>Waits until something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (HasExited) throw new InvalidOperationException($"{Name} exited early:\n{Output}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The full path of a program, from PATH or the usual sbin folders, or null.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/usr/local/sbin", "/sbin"])
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
