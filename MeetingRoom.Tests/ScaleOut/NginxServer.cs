using MeetingRoom.Tests.Support;
namespace MeetingRoom.Tests.ScaleOut;

/// <summary>
/// Debian's nginx running the repository's <c>deploy/nginx.conf</c>, with the test's ports in place of 5081, 5082
/// and 8080 and a throw-away prefix folder.
/// </summary>
public sealed class NginxServer : IDisposable
{
    private readonly ServerProcess _process;
    private readonly string _folder;
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    private NginxServer(ServerProcess process, string folder, int port) => (_process, _folder, Port) = (process, folder, port);

    /// <exception cref="InvalidOperationException">when nginx is not installed (./test.sh installs it) or does not start.</exception>
    public static async Task<NginxServer> StartAsync(string repository, int instanceA, int instanceB)
    {
        var program = ServerProcess.Find("nginx") ?? throw new InvalidOperationException("nginx is not installed: ./test.sh installs Debian's nginx.");
        var port = LoopbackPort.Free();
        var folder = Path.Combine(Path.GetTempPath(), "meetingroom-nginx", Guid.NewGuid().ToString("N"));
        foreach (var dir in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" }) Directory.CreateDirectory(Path.Combine(folder, "temp", dir));
        var config = (await File.ReadAllTextAsync(Path.Combine(repository, "deploy", "nginx.conf")))
            .Replace("127.0.0.1:5081", $"127.0.0.1:{instanceA}")
            .Replace("127.0.0.1:5082", $"127.0.0.1:{instanceB}")
            .Replace("127.0.0.1:8080", $"127.0.0.1:{port}");
        if (Environment.UserName == "root") config = "user root;\n" + config; // workers may read the prefix folder
        var file = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(file, config);
        var process = ServerProcess.Start("nginx", program, ["-p", folder + "/", "-e", Path.Combine(folder, "error.log"), "-c", file, "-g", "daemon off;"]);
        var server = new NginxServer(process, folder, port);
        await process.WaitForPortAsync(port, TimeSpan.FromSeconds(20));
        return server;
    }

    /// <summary>nginx's error log so far (warnings and errors: upstreams that failed, and why).</summary>
    public string ErrorLog
    {
        get
        {
            try { return File.ReadAllText(Path.Combine(_folder, "error.log")); }
            catch (IOException) { return ""; }
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
