using System.Security.Claims;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// The waitlist (F3): join the line of a slot someone else holds, leave it, list one's places. The hand-over
/// when a slot frees is <see cref="WaitlistHandOver"/>'s job (an outbox handler). The API and the pages call this.
/// </summary>
public sealed class WaitlistService(AppDbContext db, SiteRulesProvider rules, TimeProvider clock)
{
    /// <summary>
    /// Joins the waitlist of room × site-local date × period. Problems: invalid-input, unknown-room,
    /// unknown-period, period-over, not-open-yet, slot-free (nobody holds it: book it), already-yours,
    /// member-limit (the member could not receive it), already-waiting (the database decided), conflict (the room changed
    /// twice while it was checked). The place is saved only if
    /// the room is unchanged since it was checked (its version, as for a booking): a place never joins a room deleted
    /// meanwhile, whose places the deletion removed (it is decided once more on fresh reads: unknown-room).
    /// </summary>
    public async Task<AppResult<WaitlistPlaceDto>> JoinAsync(Actor who, string whoName, JoinWaitlistRequest request, CancellationToken ct = default)
    {
        var first = await JoinOnceAsync(who, whoName, request, ct);
        return first.RoomChanged ? (await JoinOnceAsync(who, whoName, request, ct)).Result : first.Result;
    }

    private async Task<(AppResult<WaitlistPlaceDto> Result, bool RoomChanged)> JoinOnceAsync(Actor who, string whoName, JoinWaitlistRequest request,
        CancellationToken ct)
    {
        var named = await BookingReads.SlotOfAsync(db, rules, request.RoomId, request.Date, request.Start, ct);
        if (!named.IsOk) return (named.Problem!, false);
        var (room, site, slot) = named.Value;
        var now = clock.GetUtcNow();

        var joined = WaitlistEntry.Join(room, slot, site.WindowFor(slot), await BookingReads.HolderAsync(db, slot, ct),
            who, whoName, now, site.Limits, await BookingReads.HeldAsync(db, who.Id, now, ct));
        if (!joined.IsOk) return (await BookingReads.ProblemAsync(db, joined.Refusal!, site, ct), false);

        var entry = joined.Value!;
        db.WaitlistEntries.Add(entry);
        db.Rooms.Attach(room);
        db.Entry(room).Property(r => r.Version).IsModified = true; // a concurrency token: saved only if the room is unchanged
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return (BookingRefusal.AlreadyWaiting, false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (AppProblem.Conflict(ProblemCodes.Conflict, ProblemText.Get("TitleConflict"), ProblemText.Get("RoomChangedMeanwhile")), true);
        }
        return (new WaitlistPlaceDto(entry.Id, entry.PositionAmong(await InLineAsync(entry, ct))), false);
    }

    /// <summary>Leaves the line (the member, or an admin). Problems: unknown-waitlist-entry (404), wrong-state (no longer waiting).</summary>
    public async Task<AppResult<WaitlistEntryDto>> LeaveAsync(Actor who, long id, CancellationToken ct = default)
    {
        var entry = await db.WaitlistEntries.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (entry is null || (entry.Member != who.Id && !who.IsAdmin)) return UnknownEntry;
        var left = entry.Leave(who, clock.GetUtcNow());
        if (!left.IsOk) return left.Refusal!;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // served (or left) meanwhile
            var current = await db.WaitlistEntries.AsNoTracking().FirstAsync(w => w.Id == id, ct);
            return BookingRefusal.WrongState(current.State);
        }
        return await ToDtoAsync(entry, ct);
    }

    /// <summary>
    /// The member's places whose period is not over, soonest first: waiting (with the position in line) and
    /// served (with the booking received). Places left, and waitlists whose period ended, are not listed.
    /// </summary>
    public async Task<IReadOnlyList<WaitlistEntryDto>> MineAsync(Actor who, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var entries = await db.WaitlistEntries.AsNoTracking()
            .Where(w => w.Member == who.Id && w.EndsAt > now && w.State != WaitlistState.Left)
            .OrderBy(w => w.StartsAt).ThenBy(w => w.RoomId)
            .Take(200)
            .ToListAsync(ct);
        var result = new List<WaitlistEntryDto>(entries.Count);
        foreach (var entry in entries) result.Add(await ToDtoAsync(entry, ct));
        return result;
    }

    /// <summary>The ids of the places in line for the slot of <paramref name="entry"/> (its position is counted among them).</summary>
    private async Task<List<long>> InLineAsync(WaitlistEntry entry, CancellationToken ct) =>
        await db.WaitlistEntries.AsNoTracking()
            .Where(w => w.RoomId == entry.RoomId && w.Date == entry.Date && w.PeriodStart == entry.PeriodStart && w.State == WaitlistState.Waiting)
            .Select(w => w.Id)
            .ToListAsync(ct);

    private async Task<WaitlistEntryDto> ToDtoAsync(WaitlistEntry entry, CancellationToken ct)
    {
        var site = await rules.GetAsync(ct);
        var roomName = await db.Rooms.Where(r => r.Id == entry.RoomId).Select(r => r.Name).FirstAsync(ct);
        int? position = entry.IsInLineAt(clock.GetUtcNow()) ? entry.PositionAmong(await InLineAsync(entry, ct)) : null;
        return new WaitlistEntryDto(entry.Id, entry.RoomId, roomName, entry.Date, entry.PeriodStart.ToString("HH:mm"),
            entry.PeriodEnd.ToString("HH:mm"), entry.State, position, site.Local(entry.JoinedAt), entry.BookingId);
    }

    private static AppProblem UnknownEntry =>
        AppProblem.NotFound(ProblemCodes.UnknownWaitlistEntry, ProblemText.Get("UnknownWaitlistEntry"));
}
