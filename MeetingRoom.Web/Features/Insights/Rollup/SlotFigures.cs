using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Web.Features.Insights.Rollup;

/// <summary>
/// The insights figures of ONE slot (room × site-local date × period start), from all its bookings: the one definition
/// that both the roll-up (<see cref="InsightsSlotRollup"/>, whole past days) and the report's direct reading of the
/// bookings (today, and days the roll-up cannot answer) use, so the two always agree. Seconds are real elapsed seconds
/// (a period across a DST change is an hour shorter or longer). Definitions: <see cref="InsightsQuery"/>.
/// </summary>
/// <param name="Bookings">Booking rows of the slot, any state.</param>
/// <param name="BookedSeconds">Time the room was held: each reached, non-released booking from the period start (or from
/// when it was booked, if it took the slot after an earlier booking freed it) to the period end or its early end.</param>
/// <param name="Reached">Bookings whose period started and that reached it (Confirmed, InMeeting, Ended, Released).</param>
/// <param name="CheckedIn">Of those, started (InMeeting or Ended with a start).</param>
/// <param name="NoShows">Of those, released.</param>
/// <param name="ReleasedSeconds">Period time freed by releases (from the release to the period end).</param>
/// <param name="RebookedSeconds">Of that, the time later bookings of the slot held.</param>
/// <param name="TakenAt">The first booking's <c>BookedAt</c> (any state: a cancelled booking also took the slot then).</param>
public sealed record SlotFigures(int Bookings, double BookedSeconds, int Reached, int CheckedIn, int NoShows,
    double ReleasedSeconds, double RebookedSeconds, DateTimeOffset TakenAt)
{
    /// <summary>The figures of one slot's bookings (at least one, all of the same slot) as of <paramref name="now"/>.</summary>
    public static SlotFigures Of(IReadOnlyList<InsightsBooking> bookings, DateTimeOffset now)
    {
        var reached = bookings.Where(b => b.Reached(now)).ToList();
        var freedAt = reached.Where(b => b.FreedAt is not null).Select(b => b.FreedAt!.Value).ToList();
        double booked = 0, released = 0, rebooked = 0;
        foreach (var b in reached)
        {
            if (b.State == BookingState.Released)
            {
                var from = b.FreedAt ?? b.EndsAt;
                released += Math.Max(0, (b.EndsAt - from).TotalSeconds);
                foreach (var later in reached.Where(l => l.State != BookingState.Released && l.BookedAt >= from))
                {
                    var (heldFrom, heldTo) = later.Held(freedAt);
                    rebooked += Overlap(heldFrom, heldTo, from, b.EndsAt);
                }
                continue;
            }
            var (start, end) = b.Held(freedAt);
            booked += Math.Max(0, (end - start).TotalSeconds);
        }
        return new SlotFigures(bookings.Count, booked, reached.Count,
            reached.Count(b => b.StartedAt != null && b.State is BookingState.InMeeting or BookingState.Ended),
            reached.Count(b => b.State == BookingState.Released),
            released, rebooked, bookings.Min(b => b.BookedAt));
    }

    /// <summary>Seconds the two intervals share (0 when they do not meet).</summary>
    public static double Overlap(DateTimeOffset aFrom, DateTimeOffset aTo, DateTimeOffset bFrom, DateTimeOffset bTo)
    {
        var from = aFrom > bFrom ? aFrom : bFrom;
        var to = aTo < bTo ? aTo : bTo;
        return to > from ? (to - from).TotalSeconds : 0;
    }
}
