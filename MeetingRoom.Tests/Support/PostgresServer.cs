using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster for a test run, from Debian's packages (<c>/usr/lib/postgresql/VER/bin</c>, the
/// highest version installed, or the folder in <c>MEETINGROOM_PG_BIN</c>): <c>initdb</c> into a fresh temp folder
/// (trust authentication, superuser <c>postgres</c>, UTF-8, <c>fsync=off</c>: nothing in it outlives the run), then
/// <c>pg_ctl start</c> on a free port of 127.0.0.1 (its socket in the same folder, never the system one). As root
/// (CI), initdb and pg_ctl run as the OS user <c>postgres</c> (<c>runuser</c>), which owns the folder: PostgreSQL
/// refuses to run as root; the folder is then under <c>/tmp</c>, which that user can reach. The cluster is stopped
/// and its folder deleted when the test process exits; a watchdog process does the same if the test process dies
/// without exiting cleanly, and a later run removes leftovers of dead runs. The server log is kept as
/// <c>TestResults/postgresql-server.log</c> in the repository (for CI).
/// </summary>
/// <remarks>Failures throw <see cref="InvalidOperationException"/> with the tool's output and the server log.</remarks>
public sealed class PostgresServer
{
    private const string FolderPrefix = "meetingroom-pg-";
    private const string Superuser = "postgres";
    private static readonly Lazy<PostgresServer> SharedServer = new(StartNew, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string? _runAs;
    private readonly SemaphoreSlim _control = new(1, 1);

    /// <summary>The one cluster of this test process, started on first use (this call blocks until it accepts connections).</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or the cluster did not start (message holds the log).</exception>
    public static PostgresServer Shared => SharedServer.Value;

    /// <summary>The folder that holds the cluster: <c>data/</c>, the socket and <c>server.log</c>.</summary>
    public string Folder { get; }

    /// <summary>The TCP port on 127.0.0.1 the cluster listens on (the same after <see cref="StopAsync"/> and <see cref="StartAsync"/>).</summary>
    public int Port { get; }

    private string DataFolder => Path.Combine(Folder, "data");
    private string LogFile => Path.Combine(Folder, "server.log");

    private PostgresServer(string bin, string? runAs, string folder, int port)
    {
        _bin = bin;
        _runAs = runAs;
        Folder = folder;
        Port = port;
    }

    /// <summary>The Npgsql connection string of <paramref name="database"/> on this cluster (superuser, no password).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        IncludeErrorDetail = true,
        Timeout = 30,
    }.ConnectionString;

    /// <summary>Creates a new, uniquely named (<c>mr_</c> + 32 hex digits), empty database and returns its connection string.</summary>
    /// <exception cref="NpgsqlException">the cluster cannot be reached (stopped, or it failed).</exception>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "mr_" + Guid.NewGuid().ToString("N");
        await EnsureDatabaseAsync(name);
        return ConnectionString(name);
    }

    /// <summary>Creates database <paramref name="name"/> (lowercase letters, digits, underscores) unless it exists; returns its connection string.</summary>
    /// <exception cref="ArgumentException">the name is not a plain lowercase identifier (at most 63 characters).</exception>
    /// <exception cref="NpgsqlException">the cluster cannot be reached.</exception>
    public async Task<string> EnsureDatabaseAsync(string name)
    {
        CheckName(name);
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            try
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
        }
        return ConnectionString(name);
    }

    /// <summary>Drops database <paramref name="name"/> if it exists, closing its connections (pooled ones of this process first).</summary>
    /// <exception cref="ArgumentException">the name is not a plain lowercase identifier.</exception>
    /// <exception cref="NpgsqlException">the cluster cannot be reached.</exception>
    public async Task DropDatabaseAsync(string name)
    {
        CheckName(name);
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Stops the cluster (fast shutdown: open connections are closed; it waits until the server is gone). Its data
    /// and port are kept for <see cref="StartAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">pg_ctl failed (message holds its output and the server log).</exception>
    public async Task StopAsync()
    {
        await _control.WaitAsync();
        try { await RunAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "-t", "60", "stop"]); }
        finally { _control.Release(); }
    }

    /// <summary>Starts the cluster again (same data, same port) and waits until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">pg_ctl failed (message holds its output and the server log).</exception>
    public async Task StartAsync()
    {
        await _control.WaitAsync();
        try { await RunAsync("pg_ctl", StartArguments()); }
        finally { _control.Release(); }
    }

    private string[] StartArguments() =>
    [
        "-D", DataFolder, "-l", LogFile, "-w", "-t", "60",
        "-o", $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off " +
              "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB",
        "start",
    ];

    /// <summary>
    /// A cluster of its own (not <see cref="Shared"/>), for a test that stops and starts its database server
    /// without disturbing the others; thrown away like the shared one.
    /// </summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or the cluster did not start (message holds the log).</exception>
    public static PostgresServer StartNew()
    {
        var bin = FindBin();
        RemoveLeftovers(bin);
        var runAs = geteuid() == 0 ? Superuser : null;
        var folder = Path.Combine(BaseFolder, FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString());
        if (runAs is not null) Run("chown", ["-R", $"{runAs}:", folder], runAs: null);

        var server = new PostgresServer(bin, runAs, folder, LoopbackPort.Free());
        try
        {
            server.Run("initdb", ["-D", server.DataFolder, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-N"]);
            server.Run("pg_ctl", server.StartArguments());
        }
        catch
        {
            server.Destroy();
            throw;
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Destroy();
        server.StartWatchdog();
        return server;
    }

    /// <summary>Where clusters are made: the temp folder, or /tmp as root (a root TMPDIR may be closed to the postgres user).</summary>
    private static string BaseFolder => geteuid() == 0 && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();

    /// <summary>Where the server log is copied when the cluster is removed: TestResults/ of the repository, or nowhere.</summary>
    private static string? KeptLog() =>
        RepositoryFolder.RootOrNull is { } root ? Path.Combine(root, "TestResults", "postgresql-server.log") : null;

    /// <summary>Stops the cluster at once, keeps its log and deletes its folder (best effort: this runs at process exit).</summary>
    private void Destroy()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
                Run("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "-t", "30", "stop"]);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"PostgresServer: stopping {Folder} failed: {e.Message}");
        }
        try
        {
            if (KeptLog() is { } kept && File.Exists(LogFile))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
                File.Copy(LogFile, kept, overwrite: true);
            }
        }
        catch (Exception) { }
        try { Directory.Delete(Folder, recursive: true); } catch (Exception) { }
    }

    /// <summary>
    /// A detached shell that waits for this process to end, then stops the cluster and deletes the folder
    /// (when the process exits cleanly the ProcessExit handler has done it already, and the watchdog finds nothing).
    /// </summary>
    private void StartWatchdog()
    {
        var pgCtl = Path.Combine(_bin, "pg_ctl");
        var stop = _runAs is null
            ? $"'{pgCtl}' -D '{DataFolder}' -m immediate stop"
            : $"runuser -u {_runAs} -- '{pgCtl}' -D '{DataFolder}' -m immediate stop";
        var keep = KeptLog() is { } kept ? $"[ -f '{LogFile}' ] && mkdir -p '{Path.GetDirectoryName(kept)}' && cp '{LogFile}' '{kept}'; " : "";
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 2; done; " +
                     $"if [ -f '{DataFolder}/postmaster.pid' ]; then {stop}; fi; {keep}rm -rf '{Folder}'";
        var start = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try { Process.Start(start)?.Dispose(); }
        catch (Exception e) { Console.Error.WriteLine($"PostgresServer: no watchdog ({e.Message}); the cluster is stopped at process exit only."); }
    }

    /// <summary>Stops and deletes clusters of earlier runs whose test process is gone.</summary>
    private static void RemoveLeftovers(string bin)
    {
        foreach (var folder in Directory.EnumerateDirectories(BaseFolder, FolderPrefix + "*"))
        {
            try
            {
                var owner = Path.Combine(folder, "owner.pid");
                if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner).Trim(), out var pid) || Directory.Exists($"/proc/{pid}")) continue;
                var data = Path.Combine(folder, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                    Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], geteuid() == 0 ? Superuser : null, throwOnFailure: false);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"PostgresServer: could not remove the leftover cluster {folder}: {e.Message}");
            }
        }
    }

    private static string FindBin()
    {
        var configured = Environment.GetEnvironmentVariable("MEETINGROOM_PG_BIN");
        if (!string.IsNullOrEmpty(configured)) return configured;
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")) && int.TryParse(Path.GetFileName(d), out _))
                .OrderByDescending(d => int.Parse(Path.GetFileName(d)))
                .ToList()
            : [];
        return versions.Count > 0
            ? Path.Combine(versions[0], "bin")
            : throw new InvalidOperationException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/VER/bin/initdb): apt-get install postgresql, or set MEETINGROOM_PG_BIN.");
    }


    private static void CheckName(string name)
    {
        if (name.Length is 0 or > 63 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            throw new ArgumentException($"'{name}' is not a plain lowercase database name.", nameof(name));
    }

    private Task RunAsync(string tool, string[] args) => Task.Run(() => Run(tool, args));

    private void Run(string tool, string[] args)
    {
        try { Run(Path.Combine(_bin, tool), args, _runAs); }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{e.Message}\n--- {LogFile} ---\n{LogTail()}", e);
        }
    }

    private string LogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogFile);
            return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 80)));
        }
        catch (Exception e) { return $"(no log: {e.Message})"; }
    }

    /// <summary>Runs a program (as <paramref name="runAs"/> through runuser when given) and waits; throws with its output on a non-zero exit.</summary>
    private static string Run(string program, string[] args, string? runAs, bool throwOnFailure = true)
    {
        var start = runAs is null ? new ProcessStartInfo(program) : new ProcessStartInfo("runuser", ["-u", runAs, "--", program]);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = Path.GetTempPath(); // runuser's user may not enter the caller's folder
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // pg_ctl start leaves the server holding inherited pipes: read to the end only for short-lived tools.
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} did not finish in 120 s.\n{output}");
        }
        string text;
        lock (output) text = output.ToString();
        if (process.ExitCode != 0 && throwOnFailure)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}.\n{text}");
        return text;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
