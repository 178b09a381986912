using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Booking;

/// <summary>
/// Booking, cancelling and listing a member's bookings (B1, B2, B6). The API endpoints and the
/// Blazor pages both call this service.
/// </summary>
public sealed class BookingService(AppDbContext db, SiteRulesProvider rules, BookingStore store, BookingAdmission admission, TimeProvider clock)
{
    /// <summary>
    /// Books room × site-local date × period (identified by its start) for <paramref name="who"/>.
    /// Problems: invalid-input, unknown-room, unknown-period, room-out-of-service, period-over,
    /// not-open-yet (with opensAt), slot-taken (another active booking holds the slot: the unique
    /// index decided), too-many-requests (overloaded: try again after RetryAfter; see <see cref="BookingAdmission"/>).
    /// </summary>
    public async Task<AppResult<BookingDto>> BookAsync(Actor who, string whoName, BookRequest request, CancellationToken ct = default)
    {
        using var lease = await admission.EnterAsync(ct);
        if (lease is null) return admission.Busy;
        return await BookAsync(who, whoName, request, ct, retried: false);
    }

    private async Task<AppResult<BookingDto>> BookAsync(Actor who, string whoName, BookRequest request, CancellationToken ct, bool retried)
    {
        var errors = new ValidationErrors()
            .AddIf(request.RoomId is null, "roomId", "Choose a room.")
            .AddIf(!TimeInput.TryParseDate(request.Date, out var date), "date", "Give the date as YYYY-MM-DD.")
            .AddIf(!TimeInput.TryParse(request.Start, out var start), "start", "Give the period start as HH:mm.");
        if (errors.Any) return AppProblem.Invalid(errors.ToDictionary());

        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == request.RoomId && r.DeletedAt == null, ct);
        if (room is null) return BookingRefusal.UnknownRoom;
        var site = await rules.GetAsync(ct);
        if (site.Timetable.FindPeriod(start) is not { } period) return BookingRefusal.UnknownPeriod;

        var slot = site.Timetable.SlotFor(room.Id, date, period);
        var placed = Domain.Bookings.Booking.Place(room, slot, site.WindowFor(slot), who.Id, whoName, clock.GetUtcNow());
        if (!placed.IsOk) return AppProblem.From(placed.Refusal!, site.Zone);

        // A slot already held is answered from a read: WAL readers never wait for the writer, so the
        // many losers of a burst do not queue for the write lock. This is only a shortcut; the unique
        // filtered index stays the arbiter for requests that race past it (caught below).
        if (await db.Bookings.AnyAsync(b => b.RoomId == slot.RoomId && b.Date == slot.Date && b.PeriodStart == slot.Period.Start
                                            && BookingStates.Active.Contains(b.State), ct))
            return BookingRefusal.SlotTaken;

        db.Bookings.Add(placed.Value!);
        // Saved only if the room is unchanged since it was checked (its version is a concurrency token):
        // a room taken out of service meanwhile can never receive this booking (N1).
        db.Entry(room).Property(r => r.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return BookingRefusal.SlotTaken;
        }
        catch (DbUpdateConcurrencyException) when (!retried)
        {
            db.ChangeTracker.Clear(); // the room changed meanwhile: check everything again against it
            return await BookAsync(who, whoName, request, ct, retried: true);
        }
        return BookingDto.From(placed.Value!, room.Name, site);
    }

    /// <summary>Cancels a booking (B2): the booker, or an admin (who may give a reason). Problems: unknown-booking, not-the-booker, wrong-state, period-over.</summary>
    public Task<AppResult<BookingDto>> CancelAsync(Actor who, Guid bookingId, string? reason, CancellationToken ct = default) =>
        store.TransitionAsync(bookingId, (b, now) => b.Cancel(who, reason, now), ct);

    /// <summary>One booking; members see only their own, admins any. Problem: unknown-booking.</summary>
    public async Task<AppResult<BookingDto>> GetAsync(Actor who, Guid bookingId, CancellationToken ct = default)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || (booking.BookedBy != who.Id && !who.IsAdmin)) return BookingRefusal.UnknownBooking;
        return await store.ToDtoAsync(booking, ct);
    }

    /// <summary>The member's bookings (B6), latest period first (at most 500), upcoming and past.</summary>
    public async Task<IReadOnlyList<BookingDto>> MineAsync(Actor who, CancellationToken ct = default)
    {
        var site = await rules.GetAsync(ct);
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.BookedBy == who.Id)
            .OrderByDescending(b => b.StartsAt)
            .Join(db.Rooms, b => b.RoomId, r => r.Id, (b, r) => new { Booking = b, RoomName = r.Name })
            .Take(500)
            .ToListAsync(ct);
        return rows.Select(x => BookingDto.From(x.Booking, x.RoomName, site)).ToList();
    }
}
