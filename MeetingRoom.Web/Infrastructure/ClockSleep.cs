namespace MeetingRoom.Web.Infrastructure;

/// <summary>Sleeping on a <see cref="TimeProvider"/> until an instant, for clock-driven background loops.</summary>
public static class ClockSleep
{
    /// <summary>
    /// Waits until <paramref name="next"/> (or at most <paramref name="max"/>, when next is null or further).
    /// The wait is rounded up to whole milliseconds: <c>Task.Delay</c> counts milliseconds, and a
    /// sub-millisecond wait would return at once and make the caller spin.
    /// </summary>
    public static Task UntilAsync(TimeProvider clock, DateTimeOffset? next, TimeSpan max, CancellationToken ct)
    {
        var wait = next is { } n ? n - clock.GetUtcNow() : max;
        if (wait > max) wait = max;
        var milliseconds = Math.Max(1, (long)Math.Ceiling(wait.TotalMilliseconds));
        return Task.Delay(TimeSpan.FromMilliseconds(milliseconds), clock, ct);
    }
}
