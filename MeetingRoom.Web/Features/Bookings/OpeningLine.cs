using System.Collections.Concurrent;
using MeetingRoom.Domain.Bookings;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// The line at the door before a booking window opens (F2, "fair at the opening instant"). A booking request that
/// arrives at most <see cref="BookingOptions.QueueBeforeOpening"/> (default 10 s) before its slot's window opens is
/// not told "not open yet" — which would make members hammer the button — but waits, already signed in and read, and
/// is decided at the opening instant. With <see cref="SlotTurns"/> the first request of this instance to arrive for
/// a slot is the one tried at the instant; the others for that slot wait for its outcome and are answered at once.
/// Every waiting request shares one timer per opening instant. Not an arbiter: the database's unique indexes decide.
/// Singleton; the time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class OpeningLine(TimeProvider clock, IOptions<BookingOptions> options)
{
    private readonly ConcurrentDictionary<DateTimeOffset, Lazy<Task>> _openings = new();
    private int _waiting;

    /// <summary>Requests of this instance waiting for an opening right now (for tests and diagnostics).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Whether a request refused <paramref name="refusal"/> at <paramref name="now"/> may wait in line: the window is
    /// not open yet and opens within <see cref="BookingOptions.QueueBeforeOpening"/>.
    /// </summary>
    public bool Admits(BookingRefusal refusal, DateTimeOffset now) =>
        refusal.Reason == RefusalReason.NotOpenYet && refusal.OpensAt is { } opensAt
        && opensAt > now && opensAt - now <= options.Value.QueueBeforeOpening;

    /// <summary>Completes at <paramref name="opensAt"/> (UTC) by this instance's clock; cancelled with <paramref name="ct"/>.</summary>
    public async Task UntilAsync(DateTimeOffset opensAt, CancellationToken ct)
    {
        var opening = _openings.GetOrAdd(opensAt, at => new Lazy<Task>(() => OpenAsync(at)));
        Interlocked.Increment(ref _waiting);
        try { await opening.Value.WaitAsync(ct); }
        finally { Interlocked.Decrement(ref _waiting); }
    }

    private async Task OpenAsync(DateTimeOffset opensAt)
    {
        try
        {
            var wait = opensAt - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock);
        }
        finally { _openings.TryRemove(opensAt, out _); }
    }
}
