namespace MeetingRoom.Tests.Support;

/// <summary>
/// Tests that start or need the absence of OpenTelemetry's activity listeners, which are process-wide: they run
/// one class at a time and never beside other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "Tracing";
}
