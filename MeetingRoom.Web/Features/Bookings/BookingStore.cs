using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// Runs one transition on a stored booking: load it, call the domain method, save (booking row and
/// outbox rows in one transaction). The state column is an optimistic concurrency token, so two
/// transitions racing on one booking cannot both win: the loser is answered with wrong-state.
/// Shared by the booking, meeting and approval services.
/// </summary>
public sealed class BookingStore(AppDbContext db, SiteRulesProvider rules, TimeProvider clock)
{
    public async Task<AppResult<BookingDto>> TransitionAsync(
        Guid bookingId, Func<Domain.Bookings.Booking, DateTimeOffset, BookingResult> transition, CancellationToken ct)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null) return BookingRefusal.UnknownBooking;

        var result = transition(booking, clock.GetUtcNow());
        if (!result.IsOk) return AppProblem.From(result.Refusal!, (await rules.GetAsync(ct)).Zone);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Bookings.AsNoTracking().FirstAsync(b => b.Id == bookingId, ct);
            return BookingRefusal.WrongState(current.State);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // e.g. a booking made active again while its slot was re-booked
            return BookingRefusal.SlotTaken;
        }
        return await ToDtoAsync(booking, ct);
    }

    public async Task<BookingDto> ToDtoAsync(Domain.Bookings.Booking booking, CancellationToken ct)
    {
        var roomName = await db.Rooms.Where(r => r.Id == booking.RoomId).Select(r => r.Name).FirstAsync(ct);
        return BookingDto.From(booking, roomName, await rules.GetAsync(ct));
    }
}
