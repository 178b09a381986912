using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// A real OpenID Connect provider on 127.0.0.1 for the single sign-on tests: npm <c>oidc-provider</c> under Debian's
/// node, running <c>MeetingRoom.Tests/node/oidc-provider.mjs</c> (installed by <c>npm ci</c> there; ./test.sh does it).
/// One client (<see cref="ClientId"/>/<see cref="ClientSecret"/>, redirect URI the app's <c>/signin-oidc</c>), and the
/// accounts of <see cref="SetAccounts"/>, read again at every sign-in. Its login form takes the account's sub as the
/// login and any password. Stopped when disposed.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "meetingroom-tests";
    public const string ClientSecret = "oidc-test-secret";

    private readonly string _accountsFile = Path.Combine(Path.GetTempPath(), "meetingroom-oidc", Guid.NewGuid().ToString("N") + ".json");
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <param name="port">The provider's port (chosen before the app starts: the app's settings name it).</param>
    public OidcProvider(int? port = null) => Port = port ?? LoopbackPort.Free();

    public int Port { get; }

    /// <summary>The issuer: what the app's <c>Auth:Oidc:Authority</c> is set to.</summary>
    public string Authority => $"http://127.0.0.1:{Port}";

    /// <summary>The app settings ("--Key=value") that point MeetingRoom at this provider.</summary>
    public IEnumerable<string> AppSettings(string displayName) =>
    [
        $"--Auth:Oidc:Authority={Authority}",
        $"--Auth:Oidc:ClientId={ClientId}",
        $"--Auth:Oidc:ClientSecret={ClientSecret}",
        "--Auth:Oidc:RequireHttpsMetadata=false",
        "--Auth:Oidc:Scopes=profile email groups",
        $"--Auth:Oidc:DisplayName={displayName}",
    ];

    /// <summary>One person at the provider (the claims it gives).</summary>
    public sealed record Account(string Email, string Name, bool EmailVerified = true, string? Locale = null, params string[] Groups);

    /// <summary>Replaces the provider's accounts (sub → account); the next sign-in sees them.</summary>
    public void SetAccounts(IReadOnlyDictionary<string, Account> accounts)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_accountsFile)!);
        var json = JsonSerializer.Serialize(accounts.ToDictionary(a => a.Key, a => new Dictionary<string, object?>
        {
            ["email"] = a.Value.Email,
            ["email_verified"] = a.Value.EmailVerified,
            ["name"] = a.Value.Name,
            ["locale"] = a.Value.Locale,
            ["groups"] = a.Value.Groups,
        }.Where(kv => kv.Value is not null).ToDictionary()));
        var temp = _accountsFile + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, _accountsFile, overwrite: true); // whole, never half-written
    }

    /// <summary>Starts the provider for the app at <paramref name="appBaseUrl"/> and waits until it listens.</summary>
    public async Task StartAsync(string appBaseUrl)
    {
        if (!File.Exists(_accountsFile)) SetAccounts(new Dictionary<string, Account>());
        var folder = RepositoryFolder.Node;
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
            throw new InvalidOperationException($"npm oidc-provider is not installed in {folder}: run `npm ci` there (./test.sh does it).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "oidc-provider.mjs", Port.ToString(), ClientId, ClientSecret, appBaseUrl.TrimEnd('/') + "/signin-oidc", _accountsFile })
            start.ArgumentList.Add(argument);
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The single sign-on tests need node (Debian's nodejs) on the PATH; it was not found.", e);
        }
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_output) _output.AppendLine(e.Data);
            if (e.Data == "ready") ready.TrySetResult();
        };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The OpenID Connect provider exited:\n{Output}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The OpenID Connect provider did not start within 30 s:\n{Output}", e);
        }
    }

    /// <summary>What the provider printed (warnings, errors).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            catch (InvalidOperationException) { } // already gone
            catch (TimeoutException) { }
            _process.Dispose();
        }
        try { File.Delete(_accountsFile); } catch (IOException) { }
    }
}
