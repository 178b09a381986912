using System.Text.Json.Nodes;
using System.Xml.Linq;
using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Bench;

/// <summary>
/// The benchmark report's machine table names the build that ran (issue 25): <c>bench/app-build.mjs</c> reads the
/// target framework and deployment from the published app's runtimeconfig, and <c>bench/report.mjs</c> writes what
/// <c>bench/run.sh</c> recorded, never a constant. Run under Debian's node, as the benchmarks are.
/// </summary>
public sealed class BenchReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-report-").FullName;

    private static Task<(int ExitCode, string Output)> Node(params string[] args) =>
        CommandLine.RunAsync("node", RepositoryFolder.Root, args);

    private static string TargetFramework() =>
        XDocument.Load(Path.Combine(RepositoryFolder.Root, "Directory.Build.props")).Descendants("TargetFramework").Single().Value;

    [Fact]
    public async Task App_build_names_the_target_framework_the_app_was_built_for()
    {
        var runtimeConfig = Path.Combine(AppContext.BaseDirectory, "MeetingRoom.Web.runtimeconfig.json");

        var (exit, output) = await Node("bench/app-build.mjs", runtimeConfig);

        Assert.Equal(0, exit);
        Assert.Equal($"{TargetFramework()}, framework-dependent", output.Trim());
    }

    [Fact]
    public async Task App_build_says_self_contained_when_the_app_carries_its_frameworks()
    {
        var runtimeConfig = Path.Combine(_folder, "app.runtimeconfig.json");
        File.WriteAllText(runtimeConfig, new JsonObject
        {
            ["runtimeOptions"] = new JsonObject
            {
                ["tfm"] = "net11.0",
                ["includedFrameworks"] = new JsonArray(new JsonObject { ["name"] = "Microsoft.NETCore.App", ["version"] = "11.0.0" }),
            },
        }.ToJsonString());

        var (_, output) = await Node("bench/app-build.mjs", runtimeConfig);

        Assert.Equal("net11.0, self-contained", output.Trim());
    }

    [Fact]
    public async Task App_build_is_unknown_without_a_runtimeconfig()
    {
        var (exit, output) = await Node("bench/app-build.mjs", Path.Combine(_folder, "missing.runtimeconfig.json"));

        Assert.Equal((1, "unknown"), (exit, output.Trim()));
    }

    [Fact]
    public async Task Machine_table_names_the_build_and_runtime_that_ran()
    {
        var results = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;
        var docs = Path.Combine(_folder, "docs");
        File.WriteAllLines(Path.Combine(results, "machine.txt"),
            ["nproc=2", "dotnet_sdk=10.0.401", "app_build=net10.0, framework-dependent", "app_runtime=Microsoft.AspNetCore.App 10.0.7"]);

        var (exit, output) = await Node("bench/report.mjs", results, docs);

        Assert.True(exit == 0, output);
        var row = File.ReadLines(Path.Combine(docs, "benchmarks.md")).Single(l => l.StartsWith("| .NET SDK / runtime |"));
        Assert.Equal("| .NET SDK / runtime | 10.0.401 SDK; app net10.0, framework-dependent on Microsoft.AspNetCore.App 10.0.7 |", row);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
