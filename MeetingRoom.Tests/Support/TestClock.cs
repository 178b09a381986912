namespace MeetingRoom.Tests.Support;

/// <summary>
/// A <see cref="TimeProvider"/> whose "now" only moves when a test moves it, forwards <b>or back</b>. Its timers
/// are fake too: they fire when <see cref="Set"/> or <see cref="Advance"/> passes their due time, so anything
/// waiting on <c>Task.Delay(…, clock)</c> or <c>clock.CreateTimer</c> follows the test's clock.
/// Tests that only move forward use <c>Microsoft.Extensions.Time.Testing.FakeTimeProvider</c> instead
/// (see <see cref="LiveComponentApp"/>); this one exists because FakeTimeProvider cannot go back, and the
/// app instances shared by a test class (<see cref="MeetingRoomFactory"/>) and by the browser tests set the
/// clock back to <see cref="MeetingRoomFactory.DefaultNow"/> between tests.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now.ToUniversalTime();
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>
    /// Moves the clock to <paramref name="now"/> and fires the timers now due. Moving it back keeps each
    /// pending timer's remaining time (real timers measure elapsed time, not the wall clock).
    /// </summary>
    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (now < _now)
                foreach (var timer in _timers)
                    timer.DueAt -= _now - now;
            _now = now;
        }
        FireDueTimers();
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
        FireDueTimers();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void FireDueTimers()
    {
        while (true)
        {
            FakeTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueAt <= _now).MinBy(t => t.DueAt);
                if (due is null) return;
                if (due.Period > TimeSpan.Zero) due.DueAt = (DateTimeOffset)due.DueAt! + due.Period;
                else { due.DueAt = null; _timers.Remove(due); }
            }
            due.Fire();
            // a periodic timer that is far behind catches up one tick at a time, like a real one
            lock (_gate) if (due.DueAt is { } next && next <= _now && due.Period > TimeSpan.Zero) due.DueAt = _now + due.Period;
        }
    }

    private sealed class FakeTimer(TestClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }
        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                if (dueTime == Timeout.InfiniteTimeSpan) { DueAt = null; return true; }
                DueAt = clock._now + dueTime;
                clock._timers.Add(this);
            }
            if (dueTime == TimeSpan.Zero) clock.FireDueTimers();
            return true;
        }

        public void Dispose()
        {
            lock (clock._gate) { clock._timers.Remove(this); DueAt = null; }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
