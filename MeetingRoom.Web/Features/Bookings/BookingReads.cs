using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// What booking and the waitlist read from the database: the slot a request names, a member's held active
/// bookings (for the limits, F1), and whether a slot is held. These reads only choose the limit places a new booking asks for and answer early; the
/// unique indexes over those places decide (see <see cref="LimitClaims"/>). Shared by booking and the waitlist.
/// </summary>
public static class BookingReads
{
    /// <summary>
    /// The member's active bookings that count against a limit or still hold a place: all of them whose
    /// period is not over, and ended ones still holding an upcoming place. Such stale places are given back
    /// first (a separate, monotonic write: a booking whose period is over never counts again). Occurrences of a
    /// series (issue 22) are left out: an admin decided them, so they count against no limit of their booker and
    /// hold no limit place.
    /// </summary>
    public static async Task<IReadOnlyList<HeldBooking>> HeldAsync(AppDbContext db, MemberId member, DateTimeOffset now, CancellationToken ct)
    {
        var held = await QueryAsync(db, member, now, ct);
        var stale = BookingLimits.StaleUpcomingClaims(held, now);
        if (stale.Count == 0) return held;

        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await db.Bookings.Where(b => stale.Contains(b.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.UpcomingClaim, (int?)null), ct);
        }
        finally
        {
            gate?.Release();
        }
        return await QueryAsync(db, member, now, ct);
    }

    private static async Task<IReadOnlyList<HeldBooking>> QueryAsync(AppDbContext db, MemberId member, DateTimeOffset now, CancellationToken ct) =>
        await db.Bookings.AsNoTracking()
            .Where(b => b.BookedBy == member && b.SeriesId == null && BookingStates.Active.Contains(b.State) && (b.EndsAt > now || b.UpcomingClaim != null))
            .Select(b => new HeldBooking(b.Id, b.Date, b.PeriodStart, b.EndsAt, b.PeriodClaim, b.DayClaim, b.UpcomingClaim))
            .ToListAsync(ct);

    /// <summary>
    /// The slot a request names (room, site-local date "YYYY-MM-DD", period start "HH:mm"), with the room (not
    /// tracked) and the rules in force for it (<see cref="SiteRulesProvider.ForRoomAsync"/>). Problems: invalid-input (each field named), unknown-room, unknown-period.
    /// Shared by booking and joining a waitlist.
    /// </summary>
    public static async Task<AppResult<(Room Room, SiteRules Site, Slot Slot)>> SlotOfAsync(AppDbContext db, SiteRulesProvider rules,
        int? roomId, string? date, string? start, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .AddIf(roomId is null, "roomId", new DomainMessage("ChooseRoom", "Choose a room."))
            .AddIf(!TimeInput.TryParseDate(date, out var day), "date", new DomainMessage("DateFormat", "Give the date as YYYY-MM-DD."))
            .AddIf(!TimeInput.TryParse(start, out var startsAt), "start", new DomainMessage("PeriodStartFormat", "Give the period start as HH:mm."));
        if (errors.Any) return AppProblem.Invalid(errors.ToMessages());

        var room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId && r.DeletedAt == null, ct);
        if (room is null) return BookingRefusal.UnknownRoom;
        var site = await rules.ForRoomAsync(room, ct); // not older than the last settings save the room saw
        if (site.SlotAt(room.Id, day, startsAt) is not { } slot) return BookingRefusal.UnknownPeriod;
        return (room, site, slot);
    }

    /// <summary>Who holds the slot (an active booking), or null when it is free.</summary>
    public static async Task<MemberId?> HolderAsync(AppDbContext db, Slot slot, CancellationToken ct) =>
        (await db.Bookings.AsNoTracking()
            .Where(b => b.RoomId == slot.RoomId && b.Date == slot.Date && b.PeriodStart == slot.Period.Start && BookingStates.Active.Contains(b.State))
            .Select(b => new { b.BookedBy })
            .FirstOrDefaultAsync(ct))?.BookedBy;

    /// <summary>
    /// The problem for a refusal; a member-limit refusal names the limit and describes the bookings that count
    /// against it (room, date, period), so the member can see which one to give up.
    /// </summary>
    public static async Task<AppProblem> ProblemAsync(AppDbContext db, BookingRefusal refusal, SiteRules site, CancellationToken ct)
    {
        var problem = AppProblem.From(refusal, site.Zone);
        if (refusal.Reason != RefusalReason.MemberLimit || refusal.Bookings is not { Count: > 0 } ids) return problem;

        var counting = await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.Id))
            .Join(db.Rooms, b => b.RoomId, r => r.Id, (b, r) => new { b.Id, b.RoomId, RoomName = r.Name, b.Date, b.PeriodStart, b.PeriodEnd, b.State })
            .ToListAsync(ct);
        var described = counting.OrderBy(b => b.Date).ThenBy(b => b.PeriodStart)
            .Select(b => new CountingBookingDto(b.Id, b.RoomId, b.RoomName, b.Date, b.PeriodStart.ToString("HH:mm"), b.PeriodEnd.ToString("HH:mm"), b.State))
            .ToList();
        var extensions = new Dictionary<string, object?>(problem.Extensions ?? new Dictionary<string, object?>()) { ["bookings"] = described };
        var list = string.Join(", ", counting.OrderBy(b => b.Date).ThenBy(b => b.PeriodStart)
            .Select(b => $"{b.RoomName} {ProblemText.Format.DayAndPeriod(b.Date, b.PeriodStart, b.PeriodEnd)}"));
        return problem with { Detail = ProblemText.Get("CountingAgainstIt", problem.Detail, list), Extensions = extensions };
    }
}
