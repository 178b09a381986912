using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// The waitlist hand-over (F3), an outbox handler like the read model and the notifications: when an event
/// says a slot freed — cancelled, denied, released (no-show), a meeting ended early, the room back in
/// service — or someone joined the line of a slot that is free by then, the first member in line who may
/// receive it (within the window and their limits) gets the booking. The booking, its limit places, the
/// served entry and their outbox rows (<see cref="WaitlistServed"/> → the member's notification, the board)
/// are written by <see cref="BookingWriter.SaveAsync"/> in the dispatcher's transaction, so the hand-over happens once, and it is decided like any
/// booking: by the unique indexes. A direct booking racing it either wins (the line waits for the next
/// time the slot frees) or is answered slot-taken. A member who cannot receive it now is passed over and
/// keeps their place. A member in line who books the slot directly leaves the line. Scoped: one instance per
/// dispatched batch.
/// </summary>
public sealed class WaitlistHandOver(SiteRulesProvider rules, TimeProvider clock, ILogger<WaitlistHandOver> logger) : IOutboxHandler
{
    public const string HandlerName = "waitlist";

    public string Name => HandlerName;

    public async Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (domainEvent is BookingPlaced placed)
        {
            await TakeOutOfLineAsync(db, placed, ct);
            return;
        }
        foreach (var slot in await FreedSlotsAsync(db, domainEvent, ct))
            await HandOverAsync(db, slot, ct);
    }

    /// <summary>
    /// A member in line who booked the slot directly (it freed and they were quicker than the hand-over, or
    /// they booked it again) no longer waits for it: their place is left, so it is never handed to them twice.
    /// </summary>
    private async Task TakeOutOfLineAsync(AppDbContext db, BookingPlaced placed, CancellationToken ct)
    {
        var slot = placed.Slot;
        var entry = await db.WaitlistEntries.FirstOrDefaultAsync(w => w.Member == placed.BookedBy && w.RoomId == slot.RoomId
            && w.Date == slot.Date && w.PeriodStart == slot.Period.Start && w.State == WaitlistState.Waiting, ct);
        if (entry is null || !entry.Leave(entry.Actor, clock.GetUtcNow()).IsOk) return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Forget(db); // left meanwhile
        }
    }

    public Task AfterCommitAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The slots an event may have freed for someone in line.</summary>
    private async Task<IReadOnlyList<Slot>> FreedSlotsAsync(AppDbContext db, IDomainEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case BookingCancelled x: return [x.Slot];
            case BookingDenied x: return [x.Slot];
            case BookingReleased x: return [x.Slot];
            case MeetingEnded { EndedEarly: true } x: return [x.Slot];
            case WaitlistJoined x: return [x.Slot];
            case RoomReturnedToService x:
                var now = clock.GetUtcNow();
                var waiting = await db.WaitlistEntries.AsNoTracking()
                    .Where(w => w.RoomId == x.RoomId && w.State == WaitlistState.Waiting && w.EndsAt > now)
                    .OrderBy(w => w.Id).ToListAsync(ct);
                return waiting.Select(w => w.Slot).DistinctBy(s => (s.Date, s.Period.Start)).ToList();
            default: return [];
        }
    }

    /// <summary>
    /// Gives the slot to the first member in line who may have it, unless it is held, over, or its room is not
    /// bookable. Each attempt is saved at once (inside the batch's transaction, behind a savepoint), so a
    /// refused attempt is undone alone and the next one is tried.
    /// </summary>
    private async Task HandOverAsync(AppDbContext db, Slot slot, CancellationToken ct)
    {
        var passedOver = new HashSet<long>();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var now = clock.GetUtcNow();
            if (slot.IsOverAt(now)) return; // a waitlist ends with its period
            if (await BookingReads.HolderAsync(db, slot, ct) is not null) return;
            var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == slot.RoomId && r.DeletedAt == null, ct);
            if (room is null || !room.IsBookable) return;

            var line = await db.WaitlistEntries
                .Where(w => w.RoomId == slot.RoomId && w.Date == slot.Date && w.PeriodStart == slot.Period.Start && w.State == WaitlistState.Waiting)
                .OrderBy(w => w.Id).ToListAsync(ct);
            var site = await rules.ForRoomAsync(room, ct); // not older than the last settings save the room saw
            var (entry, booking) = await FirstEligibleAsync(db, line.Where(w => !passedOver.Contains(w.Id)), room, site, now, ct);
            if (entry is null || booking is null) return;

            if (await BookingWriter.SaveAsync(db, room, booking, ct) == BookingWriteOutcome.Saved) // the same write as a direct booking
            {
                logger.LogInformation("Waitlist place {Entry} received booking {Booking}.", entry.Id, booking.Id);
                return;
            }
            // A direct booking took the slot, the member's own booking took a limit place, the member left,
            // or the room changed: undo this attempt (the savepoint did, in the database) and look again.
            Forget(db);
            passedOver.Add(entry.Id);
        }
    }

    /// <summary>The first entry in line whose member may receive the slot now, with the booking they would get.</summary>
    private static async Task<(WaitlistEntry?, Domain.Bookings.Booking?)> FirstEligibleAsync(AppDbContext db, IEnumerable<WaitlistEntry> line,
        Room room, SiteRules site, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var entry in line)
        {
            var held = await BookingReads.HeldAsync(db, entry.Member, now, ct);
            var handed = entry.HandOver(room, site.WindowFor(entry.Slot), site.Limits, held, now);
            if (handed.IsOk) return (entry, handed.Value);
            if (handed.Refusal!.Reason is not RefusalReason.MemberLimit) return (null, null); // the slot itself cannot be booked now
        }
        return (null, null);
    }

    /// <summary>Stops tracking everything this handler touched; the dispatcher's cursor stays tracked.</summary>
    private static void Forget(AppDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not OutboxCursor).ToList())
            entry.State = EntityState.Detached;
    }
}
