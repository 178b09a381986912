using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Deploy;

/// <summary><c>deploy/prometheus</c>: the alert rules and the sample configuration are valid for Prometheus (promtool).</summary>
public sealed class AlertRulesTests
{
    private static readonly string Folder = Path.Combine(RepositoryFolder.Root, "deploy", "prometheus");

    [Fact]
    public async Task Alert_rules_pass_promtool_check_rules()
    {
        var (exitCode, output) = await Promtool.RunAsync(Folder, "check", "rules", "alerts.yml");

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output);
    }

    [Fact]
    public async Task Sample_prometheus_config_with_its_rule_files_passes_promtool_check_config()
    {
        var (exitCode, output) = await Promtool.RunAsync(Folder, "check", "config", "prometheus.yml");

        Assert.True(exitCode == 0, output);
        Assert.Contains("1 rule files found", output);
    }

    [Fact]
    public async Task Alert_rules_fire_as_their_unit_tests_expect()
    {
        var (exitCode, output) = await Promtool.RunAsync(Folder, "test", "rules", "alerts.test.yml");

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void Alert_rules_cover_outbox_lag_errors_the_database_and_email()
    {
        var rules = File.ReadAllText(Path.Combine(Folder, "alerts.yml"));

        Assert.All(["MeetingRoomOutboxLagging", "MeetingRoomHigh5xxRate", "MeetingRoomDatabaseUnavailable", "MeetingRoomEmailFailing"],
            alert => Assert.Contains($"alert: {alert}", rules));
    }
}
