using System.Collections.Concurrent;
using MeetingRoom.Web.Features.Schedule;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// One attempt at a time per slot in this process (F2). At a window's opening every request for a slot
/// finds it free, so the "is it taken?" read cannot tell the losers apart: without this, all of them would
/// queue in <see cref="BookingAdmission"/> and most be told "try again" (429). Here the first request for a
/// slot takes its turn and goes to the write path; the others wait for that attempt, then read again — and
/// are answered slot-taken at once when it won. Only the write path's admission can still answer 429.
/// Not an arbiter: other instances have their own turns, and the database's unique index decides. Singleton.
/// </summary>
public sealed class SlotTurns
{
    private readonly ConcurrentDictionary<SlotKey, TaskCompletionSource> _running = new();

    /// <summary>
    /// Takes the slot's turn (dispose it when the attempt is over), or returns null and, in
    /// <paramref name="running"/>, the attempt under way to wait for before reading again.
    /// </summary>
    public IDisposable? TryTake(SlotKey slot, out Task running)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _running.GetOrAdd(slot, mine);
        running = current.Task;
        return current == mine ? new Turn(this, slot, mine) : null;
    }

    private int _waiting;

    /// <summary>Requests of this process waiting for another request's attempt right now (for tests and diagnostics).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for <paramref name="running"/> (an attempt from <see cref="TryTake"/> or <see cref="Running"/>) to end.</summary>
    public async Task WaitForAsync(Task running, CancellationToken ct)
    {
        Interlocked.Increment(ref _waiting);
        try { await running.WaitAsync(ct); }
        finally { Interlocked.Decrement(ref _waiting); }
    }

    /// <summary>The attempt at the slot under way in this process, or null when none is.</summary>
    public Task? Running(SlotKey slot) => _running.TryGetValue(slot, out var current) ? current.Task : null;

    private sealed class Turn(SlotTurns owner, SlotKey slot, TaskCompletionSource done) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            owner._running.TryRemove(new KeyValuePair<SlotKey, TaskCompletionSource>(slot, done));
            done.TrySetResult();
        }
    }
}
