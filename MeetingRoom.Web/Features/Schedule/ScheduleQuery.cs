using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// Reads the schedule (S1) from the read model (<see cref="ScheduleSlotRow"/>) plus the room list;
/// never from the bookings table, so reading never contends with booking (S2). The clock-dependent
/// part of a state (not open yet, open, closed) is derived at read time from the window rule.
/// </summary>
public sealed class ScheduleQuery(AppDbContext db, SiteRulesProvider rules, TimeProvider clock)
{
    /// <param name="date">Site-local date; null means today at the site.</param>
    public async Task<ScheduleDto> GetAsync(DateOnly? date, CancellationToken ct = default)
    {
        var site = await rules.GetAsync(ct);
        var now = clock.GetUtcNow();
        var day = date ?? site.LocalDate(now);
        var rooms = await RoomsAsync(ct);
        var rows = await db.ScheduleSlots.AsNoTracking().Where(r => r.Date == day)
            .ToDictionaryAsync(r => new SlotKey(r.Date, r.RoomId, r.PeriodStart), ct);

        var roomDtos = rooms.Select(room => new ScheduleRoomDto(room.Id, room.Name, room.Floor, room.Capacity,
            room.Equipment.Select(e => e.Name).ToList(), room.RequiresApproval,
            site.Timetable.Periods.Select(period => Cell(site, now, room.Id, room.IsOutOfService, day, period, rows.GetValueOrDefault(new(day, room.Id, period.Start))))
                .ToList())).ToList();

        return new ScheduleDto(day, site.Zone.Id, site.Local(now),
            site.Timetable.Periods.Select(p => new PeriodDto(p.Start.ToString("HH:mm"), p.End.ToString("HH:mm"))).ToList(),
            roomDtos);
    }

    /// <summary>The current state of the given slots as push messages (slots of unknown rooms or periods are left out).</summary>
    public async Task<IReadOnlyList<ScheduleChange>> ChangesAsync(IReadOnlyCollection<SlotKey> keys, CancellationToken ct = default)
    {
        if (keys.Count == 0) return [];
        var site = await rules.GetAsync(ct);
        var roomIds = keys.Select(k => k.RoomId).Distinct().ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id) && r.DeletedAt == null)
            .ToDictionaryAsync(r => r.Id, r => r.IsOutOfService, ct);
        return Changes(site, clock.GetUtcNow(), keys, rooms, await RowsAsync(keys, ct));
    }

    /// <summary>The read model's rows of the given slots (one query; slots never booked have none).</summary>
    public async Task<Dictionary<SlotKey, ScheduleSlotRow>> RowsAsync(IReadOnlyCollection<SlotKey> keys, CancellationToken ct = default)
    {
        if (keys.Count == 0) return [];
        var roomIds = keys.Select(k => k.RoomId).Distinct().ToList();
        var dates = keys.Select(k => k.Date).Distinct().ToList();
        return (await db.ScheduleSlots.AsNoTracking()
                .Where(r => dates.Contains(r.Date) && roomIds.Contains(r.RoomId)).ToListAsync(ct))
            .ToDictionary(r => new SlotKey(r.Date, r.RoomId, r.PeriodStart));
    }

    /// <summary>
    /// The push messages of the given slots, computed without a query from their read-model rows (a slot without a
    /// row was never booked), the rooms (id → out of service; a slot of a room not in it, or of a period not in the
    /// timetable, is left out), the site rules and <paramref name="now"/> (UTC). The one place a slot's pushed state
    /// is computed: <see cref="ChangesAsync"/> and the live push (<see cref="LiveSchedulePusher"/>) both use it.
    /// </summary>
    public static List<ScheduleChange> Changes(SiteRules site, DateTimeOffset now, IEnumerable<SlotKey> keys,
        IReadOnlyDictionary<int, bool> roomsOutOfService, IReadOnlyDictionary<SlotKey, ScheduleSlotRow> rows)
    {
        var changes = new List<ScheduleChange>();
        foreach (var key in keys)
        {
            if (!roomsOutOfService.TryGetValue(key.RoomId, out var outOfService) || site.Timetable.FindPeriod(key.Start) is not { } period) continue;
            var cell = Cell(site, now, key.RoomId, outOfService, key.Date, period, rows.GetValueOrDefault(key));
            changes.Add(new ScheduleChange(key.RoomId, key.Date, cell.Start, cell.State, cell.Version, cell.BookingId, cell.BookedBy, cell.Since, cell.OpensAt, cell.Waiting,
                cell.SeriesId, cell.Title));
        }
        return changes;
    }

    private Task<List<Room>> RoomsAsync(CancellationToken ct) =>
        db.Rooms.AsNoTracking().Where(r => r.DeletedAt == null).OrderBy(r => r.Floor).ThenBy(r => r.Name).ToListAsync(ct);

    private static ScheduleCellDto Cell(SiteRules site, DateTimeOffset now, int roomId, bool outOfService, DateOnly day, Period period, ScheduleSlotRow? row)
    {
        var window = site.WindowFor(site.Timetable.SlotFor(roomId, day, period));
        var state = SlotStatusRules.StatusOf(now, window, outOfService, row?.ActiveState, row?.EndedEarly ?? false);
        // a waitlist ends with its period, and is shown on held slots only (an out-of-service room's line waits unseen)
        var held = state is SlotStatus.Booked or SlotStatus.PendingApproval or SlotStatus.InMeeting;
        var waiting = held && now < window.ClosesAt ? row?.Waiting ?? 0 : 0;
        return new ScheduleCellDto(period.Start.ToString("HH:mm"), period.End.ToString("HH:mm"), state,
            site.Local(window.OpensAt), row?.ActiveBookingId, row?.BookedByName, site.Local(row?.Since), row?.Version ?? 0, waiting,
            held ? row?.SeriesId : null, held ? row?.Title : null);
    }
}
