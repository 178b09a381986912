using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MeetingRoom.Tests.Browser;

/// <summary>
/// Runs axe (WCAG rules) on what a page shows now. Violations of serious or critical impact are returned for
/// the test to fail on; every scan's counts are appended to TestResults/screenshots/axe-report.md.
/// </summary>
public static class AxeScan
{
    private static readonly Lock ReportGate = new();

    /// <summary>The serious and critical violations on <paramref name="page"/>, each as "name: rule (impact) help at selector".</summary>
    public static async Task<IReadOnlyList<string>> SeriousAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        lock (ReportGate)
        {
            var report = Path.Combine(BrowserApp.ScreenshotFolder, "axe-report.md");
            if (!File.Exists(report)) File.WriteAllText(report, "| page | violations | serious or critical | rules |\n|---|---|---|---|\n");
            File.AppendAllText(report,
                $"| {name} | {result.Violations.Length} | {serious.Count} | {string.Join(", ", result.Violations.Select(v => $"{v.Id} ({v.Impact})"))} |\n");
        }
        return serious.Select(v =>
            $"{name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join("; ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html))}").ToList();
    }
}
