using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MimeKit;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1 for the email tests: Debian's python3-aiosmtpd running
/// <c>Support/smtp_sink.py</c>, which writes every message it accepts to a folder. Started and stopped by the test.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    public const string Python = "/usr/bin/python3";
    public int Port { get; }
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "meetingroom-smtp", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public SmtpSink(int? port = null) => Port = port ?? LoopbackPort.Free();


    public SmtpSink Start()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Support", "smtp_sink.py");
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { script, Port.ToString(), Folder }) info.ArgumentList.Add(a);
        _process = Process.Start(info)!;
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "ready")
            throw new InvalidOperationException($"The SMTP sink did not start: {_process.StandardError.ReadToEnd()}");
        return this;
    }

    public sealed record Received(IReadOnlyList<string> To, MimeMessage Message);

    /// <summary>Every message accepted so far.</summary>
    public IReadOnlyList<Received> Messages()
    {
        if (!Directory.Exists(Folder)) return [];
        return Directory.GetFiles(Folder, "*.eml").Order().Select(eml =>
        {
            using var envelope = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(eml, ".json")));
            var to = envelope.RootElement.GetProperty("to").EnumerateArray().Select(x => x.GetString()!).ToList();
            return new Received(to, MimeMessage.Load(eml));
        }).ToList();
    }

    /// <summary>The messages to <paramref name="address"/>, once at least <paramref name="count"/> have arrived (fails after 20 s).</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(string address, int count = 1)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var mine = Messages().Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();
            if (mine.Count >= count) return mine;
            if (DateTime.UtcNow > until) Assert.Fail($"{count} email(s) to {address} expected, {mine.Count} arrived.");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false }) { _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); }
        _process?.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
