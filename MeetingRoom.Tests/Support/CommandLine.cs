using System.Diagnostics;

namespace MeetingRoom.Tests.Support;

/// <summary>Runs a command-line tool to its end (promtool, node scripts of <c>bench/</c>) and returns what it printed.</summary>
public static class CommandLine
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/> in <paramref name="folder"/> and waits for it to exit.
    /// Returns its exit code and its output (stdout, then stderr).
    /// </summary>
    /// <exception cref="TimeoutException">It did not exit within 60 s (it is killed).</exception>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', args)} did not finish in 60 s");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
