using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Schedule.Door;

/// <summary>What a door display says about its room now.</summary>
public enum DoorState
{
    /// <summary>Nobody holds the room now: free until <see cref="DoorView.Until"/>, or for the rest of the day.</summary>
    Free,
    /// <summary>Booked now (or about to start): starts at <see cref="DoorView.Starts"/>, check in by <see cref="DoorView.CheckInBy"/>.</summary>
    Booked,
    /// <summary>A meeting is in progress until <see cref="DoorView.Until"/>.</summary>
    InMeeting,
    /// <summary>The room is out of service.</summary>
    OutOfService,
}

/// <summary>A held slot later today, as the door lists it ("HH:mm", site-local).</summary>
public sealed record DoorBooking(string Start, string End, SlotStatus State);

/// <summary>
/// A door display's view of its room at <paramref name="Now"/>. Times are site-local (the site's offset).
/// <paramref name="ReloadAt"/>: the next instant the view changes by the clock alone (a period starts or ends).
/// <paramref name="QrStart"/>: the period whose check-in QR code the door shows (the booking to start, or the period
/// running now while the room is free: book the rest of it), or null when there is none.
/// </summary>
public sealed record DoorView(
    int RoomId, string RoomName, DateOnly Date, string TimeZone, DateTimeOffset Now, DoorState State,
    DateTimeOffset? Starts, DateTimeOffset? Until, DateTimeOffset? CheckInBy, bool PendingApproval,
    string? OutOfServiceReason, Guid? BookingId, IReadOnlyList<DoorBooking> Next, DateTimeOffset? ReloadAt, TimeOnly? QrStart = null);

/// <summary>
/// Reads a door display's view of one room (D1) from the schedule read model (<see cref="ScheduleQuery"/>); the
/// check-in deadline of the booking shown (the no-show rule of <see cref="Domain.Bookings.Booking.NoShowAt(DateTimeOffset, DateTimeOffset, TimeSpan)"/>)
/// needs that one booking's time of booking.
/// </summary>
public sealed class DoorQuery(AppDbContext db, ScheduleQuery schedule, SiteRulesProvider rules, TimeProvider clock, IOptions<BookingOptions> booking)
{
    /// <summary>The room's view now, or null when the room no longer exists.</summary>
    public async Task<DoorView?> GetAsync(int roomId, CancellationToken ct = default)
    {
        var site = await rules.GetAsync(ct);
        var day = await schedule.GetAsync(null, ct);
        var now = clock.GetUtcNow();
        if (day.Rooms.FirstOrDefault(r => r.RoomId == roomId) is not { } room) return null;
        var reason = await db.Rooms.AsNoTracking().Where(r => r.Id == roomId).Select(r => r.OutOfServiceReason).FirstOrDefaultAsync(ct);
        var live = new LiveSchedule(false);
        live.Load(day);
        var cells = room.Cells.Select(c => (Cell: c, Period: live.PeriodOf(c.Start)!.Value)).ToList();
        var boundaries = cells.SelectMany(c => new[] { c.Period.Start, c.Period.End })
            .Concat(cells.Select(c => c.Period.Start - booking.Value.StartGrace)).Where(t => t > now).ToList();
        DateTimeOffset? reloadAt = boundaries.Count > 0 ? site.Local(boundaries.Min()) : null;

        static bool Held(SlotStatus s) => s is SlotStatus.Booked or SlotStatus.PendingApproval or SlotStatus.InMeeting;
        var next = cells.Where(c => c.Period.Start > now && Held(c.Cell.State))
            .Select(c => new DoorBooking(c.Cell.Start, c.Cell.End, c.Cell.State)).ToList();
        DoorView View(DoorState state, DateTimeOffset? starts = null, DateTimeOffset? until = null, DateTimeOffset? checkInBy = null,
            bool pending = false, Guid? bookingId = null, IReadOnlyList<DoorBooking>? upcoming = null) =>
            new(room.RoomId, room.Name, day.Date, day.TimeZone, site.Local(now), state, site.Local(starts), site.Local(until), site.Local(checkInBy),
                pending, state == DoorState.OutOfService ? reason : null, bookingId, upcoming ?? next, reloadAt);

        if (room.Cells.Any(c => c.State == SlotStatus.OutOfService)) return View(DoorState.OutOfService, upcoming: []);
        if (cells.FirstOrDefault(c => c.Cell.State == SlotStatus.InMeeting) is { Cell: not null } meeting)
            return View(DoorState.InMeeting, meeting.Period.Start, meeting.Period.End, bookingId: meeting.Cell.BookingId,
                upcoming: next.Where(n => n.Start != meeting.Cell.Start).ToList());

        // the booking of the period running now, or of the next period once its check-in has opened
        var shown = cells.FirstOrDefault(c => c.Period.Start <= now && now < c.Period.End && Held(c.Cell.State));
        if (shown.Cell is null)
            shown = cells.FirstOrDefault(c => c.Period.Start > now && c.Period.Start - booking.Value.StartGrace <= now && Held(c.Cell.State));
        if (shown.Cell is { } held)
        {
            DateTimeOffset? checkInBy = null;
            if (held.State == SlotStatus.Booked && site.NoShowAfter is { } noShow && held.BookingId is { } id &&
                await db.Bookings.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.StartsAt, b.BookedAt }).FirstOrDefaultAsync(ct) is { } b)
                checkInBy = Domain.Bookings.Booking.NoShowAt(b.StartsAt, b.BookedAt, noShow);
            return View(DoorState.Booked, shown.Period.Start, shown.Period.End, checkInBy, held.State == SlotStatus.PendingApproval, held.BookingId,
                next.Where(n => n.Start != held.Start).ToList()) with { QrStart = held.State == SlotStatus.Booked ? TimeOnly.Parse(held.Start) : null };
        }

        var until = cells.Where(c => c.Period.End > now && Held(c.Cell.State)).Select(c => (DateTimeOffset?)c.Period.Start).Min();
        var bookableNow = cells.FirstOrDefault(c => c.Period.Start <= now && now < c.Period.End && c.Cell.State is SlotStatus.Open or SlotStatus.FreeAgain);
        return View(DoorState.Free, until: until) with { QrStart = bookableNow.Cell is { } open ? TimeOnly.Parse(open.Start) : null };
    }
}
