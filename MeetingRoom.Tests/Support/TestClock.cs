namespace MeetingRoom.Tests.Support;

/// <summary>
/// A <see cref="TimeProvider"/> whose "now" only moves when a test moves it (the shared framework has
/// no FakeTimeProvider here). Timers are not faked.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
