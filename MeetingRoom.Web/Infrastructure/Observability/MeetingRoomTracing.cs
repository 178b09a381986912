using System.Diagnostics;

namespace MeetingRoom.Web.Infrastructure.Observability;

/// <summary>
/// The app's own <see cref="ActivitySource"/> ("MeetingRoom"): spans for the outbox handlers and the push, beside
/// ASP.NET Core's, HttpClient's and Npgsql's. With no listener (no OTLP endpoint) <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null and costs next to nothing.
/// </summary>
public static class MeetingRoomTracing
{
    public const string SourceName = "MeetingRoom";

    public static readonly ActivitySource Source = new(SourceName);
}
