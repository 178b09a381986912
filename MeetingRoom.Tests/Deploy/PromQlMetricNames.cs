using System.Text.Json;
using System.Text.RegularExpressions;

namespace MeetingRoom.Tests.Deploy;

/// <summary>
/// Metric names in the deploy folder's PromQL (the Grafana dashboard's queries, the alert rules' expressions) and in a
/// Prometheus scrape. Only names with the prefixes the app's meters produce count (<see cref="Prefixes"/>);
/// functions, label names, label values, grouping clauses and Grafana variables are left out.
/// </summary>
public static partial class PromQlMetricNames
{
    /// <summary>The prefixes of the series the app exports (its own meter, ASP.NET Core's, Kestrel's, SignalR's, Blazor's, .NET's).</summary>
    public static readonly string[] Prefixes = ["meetingroom_", "http_", "kestrel_", "signalr_", "aspnetcore_", "dotnet_", "process_"];

    /// <summary>The metric names one PromQL expression selects (e.g. <c>meetingroom_bookings_total</c> in <c>sum by (result) (rate(meetingroom_bookings_total{instance=~"$instance"}[5m]))</c>).</summary>
    public static IReadOnlySet<string> InExpression(string promQl)
    {
        var text = StringLiteral().Replace(promQl, "\"\"");      // label values, regexes
        text = LabelMatchers().Replace(text, "{}");               // label names inside {…}
        text = Grouping().Replace(text, " ");                     // by (…), without (…), on (…), ignoring (…), group_left (…)
        return MetricName().Matches(text).Select(m => m.Groups[1].Value)
            .Where(n => Prefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal))).ToHashSet();
    }

    /// <summary>Every PromQL of a Grafana dashboard: the panels' <c>expr</c> (rows' panels too) and the query variables' queries.</summary>
    public static IReadOnlyList<string> DashboardQueries(JsonElement dashboard)
    {
        var queries = new List<string>();
        void Walk(JsonElement e, string? property)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) Walk(p.Value, p.Name);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray()) Walk(item, property);
                    break;
                case JsonValueKind.String when property is "expr" or "definition" or "query":
                    queries.Add(e.GetString()!);
                    break;
            }
        }
        Walk(dashboard, null);
        return queries;
    }

    /// <summary>The <c>expr</c> of every rule in a Prometheus rules file (one-line, quoted, or a <c>&gt;-</c>/<c>|</c> block).</summary>
    public static IReadOnlyList<string> RuleExpressions(string rulesYaml)
    {
        var lines = rulesYaml.Replace("\r", "").Split('\n');
        var expressions = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var m = ExprLine().Match(lines[i]);
            if (!m.Success) continue;
            var rest = m.Groups["rest"].Value.Trim();
            if (rest is ">-" or ">" or "|" or "|-" or ">+" or "|+")
            {
                var indent = m.Groups["indent"].Value.Length;
                var block = new List<string>();
                while (i + 1 < lines.Length && (lines[i + 1].Trim().Length == 0 || Indent(lines[i + 1]) > indent))
                    block.Add(lines[++i].Trim());
                expressions.Add(string.Join(' ', block).Trim());
            }
            else
                expressions.Add(rest.Length > 1 && rest[0] is '"' or '\'' && rest[^1] == rest[0] ? rest[1..^1] : rest);
        }
        return expressions;
    }

    /// <summary>The names of the samples in a Prometheus text exposition (<c>name{labels} value</c> lines; comments skipped).</summary>
    public static IReadOnlySet<string> InScrape(string exposition) =>
        exposition.Replace("\r", "").Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l[..l.IndexOfAny(['{', ' '])])
            .ToHashSet();

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![A-Za-z0-9_:$])([A-Za-z_:][A-Za-z0-9_:]*)(?=\s*[{\[),]|\s|$)")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^(?<indent>\s*)(?:-\s+)?expr:\s*(?<rest>.*)$")]
    private static partial Regex ExprLine();
}
