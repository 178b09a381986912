using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Board;

/// <summary>
/// One cell of the schedule: a room in a period on the schedule's date. Times are site-local
/// "HH:mm"; instants are ISO 8601 with the site's offset.
/// </summary>
public sealed record ScheduleCellDto(string Start, string End, SlotStatus State, DateTimeOffset OpensAt,
    Guid? BookingId, string? BookedBy, DateTimeOffset? Since);

public sealed record ScheduleRoomDto(int RoomId, string Name, int Floor, int Capacity, IReadOnlyList<string> Equipment,
    bool RequiresApproval, IReadOnlyList<ScheduleCellDto> Cells);

/// <summary><c>GET /api/schedule?date=YYYY-MM-DD</c>: every room (by floor) × every period.</summary>
public sealed record ScheduleDto(DateOnly Date, string TimeZone, DateTimeOffset Now, IReadOnlyList<PeriodDto> Periods, IReadOnlyList<ScheduleRoomDto> Rooms);

/// <summary>Builds the schedule of a site-local date (S1) from rooms, bookings and the window rule.</summary>
public sealed class ScheduleQuery(AppDbContext db, SiteRulesProvider rules, TimeProvider clock)
{
    /// <param name="date">Site-local date; null means today at the site.</param>
    public async Task<ScheduleDto> GetAsync(DateOnly? date, CancellationToken ct = default)
    {
        var site = await rules.GetAsync(ct);
        var now = clock.GetUtcNow();
        var day = date ?? site.LocalDate(now);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.DeletedAt == null)
            .OrderBy(r => r.Floor).ThenBy(r => r.Name).ToListAsync(ct);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.Date == day).ToListAsync(ct);
        var bySlot = bookings.ToLookup(b => (b.RoomId, b.PeriodStart));

        var roomDtos = rooms.Select(room => new ScheduleRoomDto(room.Id, room.Name, room.Floor, room.Capacity,
            room.Equipment.Select(e => e.Name).ToList(), room.RequiresApproval,
            site.Timetable.Periods.Select(period =>
            {
                var slot = site.Timetable.SlotFor(room.Id, day, period);
                var window = site.WindowFor(slot);
                var inSlot = bySlot[(room.Id, period.Start)].ToList();
                var active = inSlot.FirstOrDefault(b => b.State.IsActive());
                var endedEarly = inSlot.Any(b => b.State == BookingState.Ended && b.EndedAt < b.EndsAt);
                var state = SlotStatusRules.StatusOf(now, window, room.IsOutOfService, active?.State, endedEarly);
                return new ScheduleCellDto(period.Start.ToString("HH:mm"), period.End.ToString("HH:mm"), state,
                    site.Local(window.OpensAt), active?.Id, active?.BookedByName,
                    site.Local(active?.State == BookingState.InMeeting ? active.StartedAt : null));
            }).ToList())).ToList();

        return new ScheduleDto(day, site.Zone.Id, site.Local(now),
            site.Timetable.Periods.Select(p => new PeriodDto(p.Start.ToString("HH:mm"), p.End.ToString("HH:mm"))).ToList(),
            roomDtos);
    }
}

public static class ScheduleEndpoints
{
    public static IEndpointRouteBuilder MapScheduleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/schedule", async (string? date, ScheduleQuery query, CancellationToken ct) =>
            {
                if (date is null) return Results.Ok(await query.GetAsync(null, ct));
                return TimeInput.TryParseDate(date, out var day)
                    ? Results.Ok(await query.GetAsync(day, ct))
                    : AppProblem.Invalid("date", "Give the date as YYYY-MM-DD.").ToHttp();
            })
            .RequireAuthorization(Roles.MemberPolicy)
            .WithTags("Schedule")
            .Produces<ScheduleDto>().ProducesProblem(400);
        return app;
    }
}
