namespace MeetingRoom.Tests.Support;

/// <summary>
/// Tests that start OpenTelemetry (tracing or metrics) or need its absence. Its listeners are process-wide: an
/// ActivityListener sees every host's activities, and a MeterProvider's MeterListener every host's "MeetingRoom"
/// meter, so another test's host being disposed meanwhile ends instruments this host's provider shares with it (a
/// scrape then misses our counters). They run one class at a time and never beside other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenTelemetryCollection
{
    public const string Name = "OpenTelemetry";
}
