using MeetingRoom.Tests.Browser;

namespace MeetingRoom.Tests.Deploy;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 with Prometheus scraping on (<c>Observability:Prometheus=true</c>, so
/// <c>/metrics</c> for loopback), plus a headless chromium to open Blazor circuits: a <see cref="BrowserApp"/> of its own.
/// </summary>
public sealed class MetricsBrowserApp : BrowserApp
{
    protected override IEnumerable<string> Settings => [.. base.Settings, "--Observability:Prometheus=true"];
}
