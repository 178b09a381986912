using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Deploy;

/// <summary>
/// Runs Prometheus's <c>promtool</c> (Debian's <c>prometheus</c> package; <c>./test.sh</c> installs it): found on the
/// PATH, else at <c>/usr/bin/promtool</c>.
/// </summary>
public static class Promtool
{
    /// <summary>The promtool executable; fails the test with how to get it when it is missing.</summary>
    public static string Path()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "promtool")).FirstOrDefault(File.Exists);
        var path = onPath ?? "/usr/bin/promtool";
        Assert.True(File.Exists(path), "promtool not found on the PATH nor at /usr/bin/promtool: run ./test.sh, or apt-get install prometheus");
        return path;
    }

    /// <summary>Runs promtool with <paramref name="args"/> in <paramref name="folder"/>; returns its exit code and output (stdout + stderr). Times out after 60 s.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string folder, params string[] args) =>
        CommandLine.RunAsync(Path(), folder, args);
}
