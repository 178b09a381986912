using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// The one place a new booking is written, for a member's own booking (<see cref="BookingService"/>) and for the
/// waitlist hand-over (<see cref="WaitlistHandOver"/>): the booking row with its limit places, the room's version
/// check and the outbox row, saved in one transaction (<see cref="SaveAsync"/>). The database decides races: the
/// unique indexes over a slot's active booking and over the members' limit places (see <see cref="LimitClaims"/>),
/// and the room's version (a concurrency token: a room taken out of service meanwhile never receives the booking, N1).
/// Singleton; the database context is the caller's (the request's, or the outbox dispatcher's for the hand-over).
/// </summary>
public sealed class BookingWriter(HeldSlots held, SiteRulesProvider rules, TimeProvider clock)
{
    /// <summary>Attempts before giving up on a member whose own concurrent bookings keep taking the limit places.</summary>
    public const int MaxAttempts = 8;

    /// <summary>
    /// Books <paramref name="slot"/> for <paramref name="who"/>: places the booking (domain rules, the booking window
    /// and the limits of <paramref name="site"/>) against the room and the member's bookings, and saves it with
    /// <paramref name="attendees"/> (optional head count, checked against the room's capacity by the domain). The first
    /// attempt uses <paramref name="firstReads"/>; when a unique index refuses the row, the slot's holder is read
    /// (held: slot-taken) or, if it is free, a limit place was taken by the member's own concurrent booking and the
    /// attempt is made again on fresh reads (a free place, or member-limit); a changed room is read again too.
    /// Problems: unknown-room, the domain's refusals (<see cref="BookingReads.ProblemAsync"/>: member-limit lists the
    /// bookings counting against it), slot-taken (also after <see cref="MaxAttempts"/>). A committed booking marks
    /// the slot held in this instance (<see cref="HeldSlots"/>). Clears <paramref name="db"/>'s change tracker after a
    /// refused attempt. Site settings saved since <paramref name="site"/> was read (the room carries their newer version,
    /// see <see cref="SiteRulesProvider.ForRoomAsync"/>) decide the booking instead: unknown-period when its period is gone.
    /// </summary>
    public async Task<AppResult<BookingDto>> BookAsync(AppDbContext db, Actor who, string whoName, Slot slot, SiteRules site,
        BookingFirstReads firstReads, int? attendees, CancellationToken ct)
    {
        var key = new SlotKey(slot.Date, slot.RoomId, slot.Period.Start);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var room = attempt == 0
                ? firstReads.Room
                : await db.Rooms.FirstOrDefaultAsync(r => r.Id == slot.RoomId && r.DeletedAt == null, ct);
            if (room is null) return BookingRefusal.UnknownRoom;
            var current = await rules.ForRoomAsync(room, ct); // from memory unless the settings were saved since it was read
            if (current.Version != site.Version)
            {
                // The site settings were saved since this request was checked: it is decided again under the new rules.
                site = current;
                if (site.SlotAt(slot.RoomId, slot.Date, slot.Period.Start) is not { } again) return BookingRefusal.UnknownPeriod;
                slot = again;
                key = new SlotKey(slot.Date, slot.RoomId, slot.Period.Start);
            }
            var now = clock.GetUtcNow();
            var placed = Domain.Bookings.Booking.Place(room, slot, site.WindowFor(slot), who, whoName, now,
                site.Limits, attempt == 0 ? firstReads.MemberBookings : await BookingReads.HeldAsync(db, who.Id, now, ct), attendees);
            if (!placed.IsOk) return await BookingReads.ProblemAsync(db, placed.Refusal!, site, ct);

            var mark = held.Mark();
            switch (await SaveAsync(db, room, placed.Value!, ct))
            {
                case BookingWriteOutcome.Saved:
                    held.Add(key, mark); // committed: the slot is held (unless an event freed it meanwhile)
                    return BookingDto.From(placed.Value!, room.Name, site);
                case BookingWriteOutcome.UniqueViolation:
                    db.ChangeTracker.Clear();
                    mark = held.Mark();
                    if (await BookingReads.HolderAsync(db, slot, ct) is not null)
                    {
                        held.Add(key, mark);
                        return BookingRefusal.SlotTaken;
                    }
                    break;
                default:
                    db.ChangeTracker.Clear(); // the room changed meanwhile: check everything again against it
                    break;
            }
        }
        return BookingRefusal.SlotTaken;
    }

    /// <summary>
    /// Saves a new <paramref name="booking"/> of <paramref name="room"/> (attached when it was read untracked) with
    /// the room's version check, in <paramref name="db"/>'s transaction (its own, or the caller's: the hand-over runs
    /// inside the outbox dispatcher's, behind a savepoint). The outbox row is written by the context's save. On a
    /// refusal the booking stays tracked: the caller forgets what its attempt touched.
    /// </summary>
    /// <returns>Saved, a unique index's refusal (the slot or a limit place is taken), or a changed room.</returns>
    public static async Task<BookingWriteOutcome> SaveAsync(AppDbContext db, Room room, Domain.Bookings.Booking booking, CancellationToken ct)
    {
        if (db.Entry(room).State == EntityState.Detached) db.Rooms.Attach(room);
        db.Bookings.Add(booking);
        // Saved only if the room is unchanged since it was checked (its version is a concurrency token):
        // a room taken out of service meanwhile can never receive this booking (N1).
        db.Entry(room).Property(r => r.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            return BookingWriteOutcome.Saved;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return BookingWriteOutcome.UniqueViolation;
        }
        catch (DbUpdateConcurrencyException)
        {
            return BookingWriteOutcome.RoomChanged;
        }
    }
}
