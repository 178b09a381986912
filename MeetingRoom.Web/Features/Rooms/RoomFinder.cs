using System.Globalization;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Rooms;

/// <summary>
/// "Find a room now" (issue 25): the rooms free in the period under way at an instant and in the next one, filtered by people,
/// equipment and floor, sorted by fit. Read from the schedule's read model like the schedule itself (never from the bookings),
/// with the slot states computed by <see cref="ScheduleQuery.Changes"/>, the one place a slot's state is computed: a slot freed
/// by a no-show or an early end is free here as soon as the read model has it. Scoped.
/// </summary>
public sealed class RoomFinder(AppDbContext db, SiteRulesProvider rules, TimeProvider clock)
{
    /// <summary>How far ahead <c>at</c> may look.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(14);
    /// <summary>How far back <c>at</c> may be (a clock a little behind the server's).</summary>
    public static readonly TimeSpan MaxBehind = TimeSpan.FromMinutes(5);
    public const int MaxEquipment = 10;
    public const int MaxCapacityAsked = 10_000;

    /// <summary>
    /// The period under way at <paramref name="at"/> (ISO 8601; default now; without an offset it is UTC), when there is one, and the next period
    /// (later that site-local day, else the first of the next day), each with its free rooms: in service, and the slot Open,
    /// FreeAgain or NotYetOpen. Rooms hold at least <paramref name="minCapacity"/> people, have every item of
    /// <paramref name="equipment"/> (names, case-insensitive) and are on <paramref name="floor"/> when given.
    /// Problems (invalid-input): <c>at</c> unreadable, more than <see cref="MaxBehind"/> ago or more than <see cref="MaxAhead"/> ahead;
    /// <c>minCapacity</c> not a whole number from 1 to <see cref="MaxCapacityAsked"/>; <c>floor</c> not a whole number; more than <see cref="MaxEquipment"/> equipment names, or
    /// a name that breaks the text rules.
    /// </summary>
    public async Task<AppResult<IReadOnlyList<RoomAvailabilityDto>>> FindAsync(string? at, string? minCapacity, IReadOnlyList<string>? equipment,
        string? floor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, DomainMessage[]>();
        var instant = now;
        if (!string.IsNullOrWhiteSpace(at) && !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
            errors["at"] = [new("AvailableAtUnreadable", "Give an instant like 2026-12-07T14:30:00+09:00.")];
        else if (instant < now - MaxBehind) errors["at"] = [new("AvailableAtPast", "Ask about now or later.")];
        else if (instant > now + MaxAhead) errors["at"] = [new("AvailableAtTooFar", $"Look at most {MaxAhead.TotalDays:0} days ahead.", (int)MaxAhead.TotalDays)];
        int? people = null, onFloor = null;
        if (!string.IsNullOrWhiteSpace(minCapacity))
        {
            if (int.TryParse(minCapacity, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked is >= 1 and <= MaxCapacityAsked) people = asked;
            else errors["minCapacity"] = [new("AvailableCapacity", $"Give 1 to {MaxCapacityAsked} people.", MaxCapacityAsked)];
        }
        if (!string.IsNullOrWhiteSpace(floor))
        {
            if (int.TryParse(floor, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var f)) onFloor = f;
            else errors["floor"] = [new("AvailableFloor", "The floor is a whole number.")];
        }
        var wanted = (equipment ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count > MaxEquipment) errors["equipment"] = [new("AvailableEquipmentMany", $"At most {MaxEquipment} equipment names.", MaxEquipment)];
        else if (wanted.Select(e => TextRules.Problem(e, TextRules.MaxNameLength)).FirstOrDefault(p => p is not null) is { } bad) errors["equipment"] = [bad];
        if (errors.Count > 0) return AppProblem.Invalid(errors);
        if (instant < now) instant = now;

        var site = await rules.GetAsync(ct);
        var periods = PeriodsAround(site, instant);
        var rooms = (await db.Rooms.AsNoTracking().Where(r => r.DeletedAt == null && !r.IsOutOfService).ToListAsync(ct))
            .Where(r => (people is null || r.Capacity >= people) && (onFloor is null || r.Floor == onFloor))
            .Where(r => wanted.All(w => r.Equipment.Any(e => string.Equals(e.Name, w, StringComparison.OrdinalIgnoreCase))))
            .ToList();
        rooms = RoomFit.Order(rooms, r => r.Capacity, r => r.Floor, r => r.Name).ToList();
        var keys = periods.SelectMany(p => rooms.Select(r => new SlotKey(p.Date, r.Id, p.Period.Start))).ToList();
        var rows = await new ScheduleQuery(db, rules, clock).RowsAsync(keys, ct);
        var states = ScheduleQuery.Changes(site, instant, keys, rooms.ToDictionary(r => r.Id, _ => false), rows)
            .ToDictionary(c => new SlotKey(c.Date, c.RoomId, TimeOnly.Parse(c.Start)));

        return periods.Select(p => new RoomAvailabilityDto(p.Date, p.Period.Start.ToString("HH:mm"), p.Period.End.ToString("HH:mm"), p.UnderWay,
                rooms.Select(r => (Room: r, Change: states.GetValueOrDefault(new SlotKey(p.Date, r.Id, p.Period.Start))))
                    .Where(x => x.Change is { } change && RoomFit.IsFree(change.State))
                    .Select(x => new AvailableRoomDto(x.Room.Id, x.Room.Name, x.Room.Floor, x.Room.Capacity,
                        x.Room.Equipment.Select(e => e.Name).ToList(), x.Room.RequiresApproval, x.Change!.State, x.Change.OpensAt))
                    .ToList()))
            .ToList();
    }

    /// <summary>The period under way at <paramref name="instant"/> (if any) and the next one to start after it, with their site-local dates.</summary>
    private static List<(DateOnly Date, Period Period, bool UnderWay)> PeriodsAround(SiteRules site, DateTimeOffset instant)
    {
        var found = new List<(DateOnly, Period, bool)>();
        var today = site.LocalDate(instant);
        foreach (var date in new[] { today, today.AddDays(1) })
            foreach (var period in site.Timetable.Periods)
            {
                var slot = site.Timetable.SlotFor(0, date, period);
                if (slot.StartsAt <= instant && instant < slot.EndsAt) found.Add((date, period, true));
                else if (slot.StartsAt > instant)
                {
                    found.Add((date, period, false));
                    return found;
                }
            }
        return found;
    }
}
