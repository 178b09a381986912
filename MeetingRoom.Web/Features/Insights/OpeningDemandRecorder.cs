using System.Runtime.InteropServices;
using MeetingRoom.Web.Features.Schedule;

namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// The demand at each slot's opening (issue 23), counted in memory on the booking path: every booking answer given in the
/// first minute after the slot's booking window opened is one attempt, and one refusal when it did not book
/// (<see cref="Features.Bookings.BookingAnswers"/> calls <see cref="Record"/>). Counting takes a short lock and allocates
/// nothing once a slot has its entry, so an opening burst pays almost nothing for it; <see cref="OpeningDemandFlusher"/>
/// takes the counts every few seconds and adds them to table OpeningDemand.
/// <para>
/// Loss on a crash: the counts live only in this process until the next flush (at most
/// <see cref="InsightsOptions.DemandFlushSeconds"/>, plus a flush that failed and is retried). A process that crashes or is
/// killed loses them; a graceful stop flushes them. Bookings are never affected: they are written by their own transaction.
/// The figures are a measure of demand, not a ledger. Singleton, thread-safe.
/// </para>
/// </summary>
public sealed class OpeningDemandRecorder
{
    private readonly Lock _gate = new();
    private Dictionary<SlotKey, Counts> _counts = [];

    /// <summary>Counts one answer at the opening of <paramref name="slot"/> (site-local date, room, period start); <paramref name="booked"/>: it booked.</summary>
    public void Record(SlotKey slot, bool booked)
    {
        lock (_gate)
        {
            ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, slot, out _);
            counts.Attempts++;
            if (!booked) counts.Refused++;
        }
    }

    /// <summary>Slots with counts not yet taken.</summary>
    public int Pending
    {
        get { lock (_gate) return _counts.Count; }
    }

    /// <summary>Takes every count recorded since the last take (the recorder starts again from zero): one row per slot.</summary>
    public IReadOnlyList<OpeningDemandRow> TakeAll()
    {
        Dictionary<SlotKey, Counts> taken;
        lock (_gate)
        {
            if (_counts.Count == 0) return [];
            taken = _counts;
            _counts = new Dictionary<SlotKey, Counts>(taken.Count);
        }
        return taken.Select(c => new OpeningDemandRow
        {
            Date = c.Key.Date, RoomId = c.Key.RoomId, PeriodStart = c.Key.Start, Attempts = c.Value.Attempts, Refused = c.Value.Refused,
        }).ToList();
    }

    /// <summary>Gives back <paramref name="rows"/> taken by <see cref="TakeAll"/> that could not be written (added to what was counted since).</summary>
    public void Restore(IEnumerable<OpeningDemandRow> rows)
    {
        lock (_gate)
        {
            foreach (var row in rows)
            {
                ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, new SlotKey(row.Date, row.RoomId, row.PeriodStart), out _);
                counts.Attempts += row.Attempts;
                counts.Refused += row.Refused;
            }
        }
    }

    private struct Counts
    {
        public long Attempts;
        public long Refused;
    }
}
