using MeetingRoom.Tests.Support;
namespace MeetingRoom.Tests.ScaleOut;

/// <summary>A throw-away Debian <c>redis-server</c> on a free loopback port, nothing saved to disk.</summary>
public sealed class RedisServer : IDisposable
{
    private readonly ServerProcess _process;
    public int Port { get; }
    public string ConnectionString => $"127.0.0.1:{Port}";

    private RedisServer(ServerProcess process, int port) => (_process, Port) = (process, port);

    /// <exception cref="InvalidOperationException">when redis-server is not installed (./test.sh installs it) or does not start.</exception>
    public static async Task<RedisServer> StartAsync()
    {
        var program = ServerProcess.Find("redis-server")
            ?? throw new InvalidOperationException("redis-server is not installed: ./test.sh installs Debian's redis-server.");
        var port = LoopbackPort.Free();
        var process = ServerProcess.Start("redis", program, ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"]);
        var server = new RedisServer(process, port);
        await process.WaitForPortAsync(port, TimeSpan.FromSeconds(20));
        return server;
    }

    /// <summary>The pub/sub channels subscribed right now (<c>PUBSUB CHANNELS</c>, through redis-cli).</summary>
    public async Task<IReadOnlyList<string>> ChannelsAsync()
    {
        var cli = ServerProcess.Find("redis-cli") ?? throw new InvalidOperationException("redis-cli is not installed (Debian redis-tools).");
        var start = new System.Diagnostics.ProcessStartInfo(cli, ["-h", "127.0.0.1", "-p", Port.ToString(), "PUBSUB", "CHANNELS"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public void Dispose() => _process.Dispose();
}
