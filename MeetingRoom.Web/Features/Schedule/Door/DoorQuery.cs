using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Schedule.Door;

/// <summary>
/// A door display's view of one room (D1). <see cref="LoadAsync"/> reads the room's day from the schedule read model
/// (<see cref="ScheduleQuery"/>) with what the read model does not hold (the out-of-service reason, when its bookings were
/// made); <see cref="ViewOf"/> computes the view from that snapshot with pushed changes laid over it, without a query, so an
/// open door page applies its room's change and the clock's progress in memory.
/// </summary>
public sealed class DoorQuery(AppDbContext db, ScheduleQuery schedule, SiteRulesProvider rules, TimeProvider clock, IOptions<BookingOptions> booking)
{
    /// <summary>The room's snapshot for today, or null when the room no longer exists.</summary>
    public async Task<DoorSnapshot?> LoadAsync(int roomId, CancellationToken ct = default)
    {
        var site = await rules.GetAsync(ct);
        var day = await schedule.GetAsync(null, ct);
        if (day.Rooms.FirstOrDefault(r => r.RoomId == roomId) is not { } room) return null;
        var reason = await db.Rooms.AsNoTracking().Where(r => r.Id == roomId).Select(r => r.OutOfServiceReason).FirstOrDefaultAsync(ct);
        var shown = room.Cells.Where(c => c.BookingId is not null).Select(c => c.BookingId!.Value).ToList();
        var bookedAt = shown.Count == 0
            ? new Dictionary<Guid, DateTimeOffset>()
            : await db.Bookings.AsNoTracking().Where(b => shown.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.BookedAt, ct);
        return new DoorSnapshot(day with { Rooms = [room] }, reason, bookedAt, site.NoShowAfter, booking.Value.StartGrace);
    }

    /// <summary>The room's view now, or null when the room no longer exists.</summary>
    public async Task<DoorView?> GetAsync(int roomId, CancellationToken ct = default)
    {
        if (await LoadAsync(roomId, ct) is not { } snapshot) return null;
        var live = new LiveSchedule(false);
        live.Load(snapshot.Day);
        return ViewOf(snapshot, live, clock.GetUtcNow());
    }

    /// <summary>
    /// The view at <paramref name="now"/> (UTC) of <paramref name="snapshot"/>'s room as <paramref name="live"/> shows it
    /// (the snapshot with pushed changes over it). A booking <paramref name="snapshot"/> does not know the time of (pushed
    /// since) counts as made at <paramref name="now"/>'s arrival: see <see cref="DoorSnapshot.BookedAt"/>.
    /// </summary>
    public static DoorView ViewOf(DoorSnapshot snapshot, LiveSchedule live, DateTimeOffset now)
    {
        var room = snapshot.Room;
        var day = snapshot.Day;
        var zone = live.Zone;
        DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? SiteClock.ToLocal(i, zone) : null;
        var cells = room.Cells.Select(c => (Cell: live.CellOf(room.RoomId, c), Period: live.PeriodOf(c.Start)!.Value)).ToList();
        static bool Held(SlotStatus s) => s is SlotStatus.Booked or SlotStatus.PendingApproval or SlotStatus.InMeeting;
        var next = cells.Where(c => c.Period.Start > now && Held(c.Cell.State))
            .Select(c => new DoorBooking(c.Cell.Start, c.Cell.End, c.Cell.State, c.Cell.Title)).ToList();
        DoorView View(DoorState state, DateTimeOffset? starts = null, DateTimeOffset? until = null, DateTimeOffset? checkInBy = null,
            bool pending = false, Guid? bookingId = null, IReadOnlyList<DoorBooking>? upcoming = null) =>
            new(room.RoomId, room.Name, day.Date, day.TimeZone, Local(now)!.Value, state, Local(starts), Local(until), Local(checkInBy),
                pending, state == DoorState.OutOfService ? snapshot.OutOfServiceReason : null, bookingId, upcoming ?? next);

        if (cells.Any(c => c.Cell.State == SlotStatus.OutOfService)) return View(DoorState.OutOfService, upcoming: []);
        if (cells.FirstOrDefault(c => c.Cell.State == SlotStatus.InMeeting) is { Cell: not null } meeting)
            return View(DoorState.InMeeting, meeting.Period.Start, meeting.Period.End, bookingId: meeting.Cell.BookingId,
                upcoming: next.Where(n => n.Start != meeting.Cell.Start).ToList()) with { SeriesTitle = meeting.Cell.Title };

        // the booking of the period running now, or of the next period once its check-in has opened
        var shown = cells.FirstOrDefault(c => c.Period.Start <= now && now < c.Period.End && Held(c.Cell.State));
        if (shown.Cell is null)
            shown = cells.FirstOrDefault(c => c.Period.Start > now && c.Period.Start - snapshot.StartGrace <= now && Held(c.Cell.State));
        if (shown.Cell is { } held)
        {
            DateTimeOffset? checkInBy = held.State == SlotStatus.Booked && snapshot.NoShowAfter is { } noShow && held.BookingId is { } id
                ? Domain.Bookings.Booking.NoShowAt(shown.Period.Start, snapshot.BookedAt.GetValueOrDefault(id, now), noShow)
                : null;
            return View(DoorState.Booked, shown.Period.Start, shown.Period.End, checkInBy, held.State == SlotStatus.PendingApproval, held.BookingId,
                next.Where(n => n.Start != held.Start).ToList()) with { QrStart = held.State == SlotStatus.Booked ? TimeOnly.Parse(held.Start) : null, SeriesTitle = held.Title };
        }

        var freeUntil = cells.Where(c => c.Period.End > now && Held(c.Cell.State)).Select(c => (DateTimeOffset?)c.Period.Start).Min();
        var bookableNow = cells.FirstOrDefault(c => c.Period.Start <= now && now < c.Period.End && c.Cell.State is SlotStatus.Open or SlotStatus.FreeAgain);
        return View(DoorState.Free, until: freeUntil) with { QrStart = bookableNow.Cell is { } open ? TimeOnly.Parse(open.Start) : null };
    }
}
