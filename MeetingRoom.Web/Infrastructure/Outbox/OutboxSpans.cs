using System.Diagnostics;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// The spans of one piece of work done for several outbox messages, one per trace (<see cref="OutboxTracing.StartEach"/>).
/// Disposing stops them all and restores the <see cref="Activity.Current"/> from before. Not thread-safe.
/// </summary>
public sealed class OutboxSpans : IDisposable
{
    private readonly List<Activity> _spans;
    private readonly Activity? _previous;

    internal OutboxSpans(List<Activity> spans, Activity? previous)
    {
        _spans = spans;
        _previous = previous;
    }

    /// <summary>Marks every span failed with <paramref name="error"/>'s message.</summary>
    public void Failed(Exception error)
    {
        foreach (var span in _spans) span.SetStatus(ActivityStatusCode.Error, error.Message);
    }

    public void Dispose()
    {
        for (var i = _spans.Count - 1; i >= 0; i--) _spans[i].Dispose();
        Activity.Current = _previous;
    }
}
