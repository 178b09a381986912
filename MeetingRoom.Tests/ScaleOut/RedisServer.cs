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
        var port = ServerProcess.FreePort();
        var process = ServerProcess.Start("redis", program, ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"]);
        var server = new RedisServer(process, port);
        await process.WaitForPortAsync(port, TimeSpan.FromSeconds(20));
        return server;
    }

    public void Dispose() => _process.Dispose();
}
