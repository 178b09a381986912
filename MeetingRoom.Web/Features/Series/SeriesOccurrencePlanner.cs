using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// What each date of a series is now (issue 22), in this order: <see cref="OccurrenceState.OutsideTimetable"/> (the timetable in
/// force has no period from the series' start to its end), <see cref="OccurrenceState.Past"/> (the period is over),
/// <see cref="OccurrenceState.Booked"/> (an active booking holds the slot: by whom), <see cref="OccurrenceState.OutOfService"/>
/// (the room is out of service now), else <see cref="OccurrenceState.Free"/>. One query: the room's active bookings of the
/// series' period between its first and last date. A read, never the arbiter: the unique slot index decides when the free ones
/// are booked. Shared by the preview, the creation and the series view (for the dates the series holds no booking of).
/// </summary>
public static class SeriesOccurrencePlanner
{
    /// <summary>
    /// The states of <paramref name="dates"/> (site-local, in order) for <paramref name="room"/>'s period
    /// <paramref name="period"/> under <paramref name="site"/>'s timetable at <paramref name="now"/>.
    /// </summary>
    public static async Task<List<PlannedOccurrence>> PlanAsync(AppDbContext db, Room room, SiteRules site, Period period,
        IReadOnlyList<DateOnly> dates, DateTimeOffset now, CancellationToken ct)
    {
        if (dates.Count == 0) return [];
        var (first, last) = (dates[0], dates[^1]);
        var holders = await db.Bookings.AsNoTracking()
            .Where(b => b.RoomId == room.Id && b.PeriodStart == period.Start && b.Date >= first && b.Date <= last
                        && BookingStates.Active.Contains(b.State))
            .Select(b => new { b.Date, b.Title, b.BookedByName })
            .ToListAsync(ct);
        var byDate = holders.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.First().Title ?? g.First().BookedByName);

        return dates.Select(date =>
        {
            var slot = site.SlotAt(room.Id, date, period.Start);
            if (slot is null || slot.Period.End != period.End) return new PlannedOccurrence(date, null, OccurrenceState.OutsideTimetable);
            if (slot.IsOverAt(now)) return new PlannedOccurrence(date, slot, OccurrenceState.Past);
            if (byDate.TryGetValue(date, out var holder)) return new PlannedOccurrence(date, slot, OccurrenceState.Booked, holder);
            if (!room.IsBookable) return new PlannedOccurrence(date, slot, OccurrenceState.OutOfService);
            return new PlannedOccurrence(date, slot, OccurrenceState.Free);
        }).ToList();
    }

    /// <summary>The state of a date the series holds a booking of, from that booking's state.</summary>
    public static OccurrenceState StateOf(BookingState booking) => booking switch
    {
        BookingState.Confirmed or BookingState.PendingApproval => OccurrenceState.Reserved,
        BookingState.InMeeting or BookingState.Ended => OccurrenceState.Held,
        BookingState.Released => OccurrenceState.NoShow,
        _ => OccurrenceState.Cancelled,
    };
}
