using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// Booking, cancelling and listing a member's bookings (B1, B2, B6). The API endpoints and the
/// Blazor pages both call this service.
/// </summary>
public sealed class BookingService(AppDbContext db, SiteRulesProvider rules, BookingStore store, BookingAdmission admission,
    SlotTurns turns, HeldSlots held, KnownTakenSlots known, OpeningLine line, BookingWriter writer, BookingAnswers answers, TimeProvider clock)
{
    /// <summary>
    /// Books room × site-local date × period (identified by its start) for <paramref name="who"/>.
    /// Problems: invalid-input (also "attendees" below 1 or above the room's capacity × 3), unknown-room, unknown-period, room-out-of-service, period-over,
    /// not-open-yet (with opensAt), slot-taken (another active booking holds the slot: the unique
    /// index decided), member-limit (a booking limit per member is reached: the limit, its value and the
    /// bookings counting against it), too-many-requests (overloaded: try again after RetryAfter; see <see cref="BookingAdmission"/>).
    /// A slot already held and a limit already reached are answered from reads, without entering the
    /// admission gate (F2); every request for a slot another request of this instance is working on right now
    /// waits for that attempt before reading anything (<see cref="SlotTurns"/>). A slot this instance knows to be held
    /// (<see cref="HeldSlots"/>) is answered slot-taken before any database read (<see cref="KnownTakenSlots"/>).
    /// A request up to <see cref="BookingOptions.QueueBeforeOpening"/> early waits for the window's opening instant
    /// instead of being refused not-open-yet (<see cref="OpeningLine"/>). The write is <see cref="BookingWriter"/>'s,
    /// given the room and the member's bookings read here, so that its first attempt reads nothing again.
    /// Every answer is counted by result (<see cref="BookingAnswers"/>).
    /// </summary>
    public async Task<AppResult<BookingDto>> BookAsync(Actor who, string whoName, BookRequest request, CancellationToken ct = default) =>
        await answers.CountAsync(request, await AnswerAsync(who, whoName, request, ct));

    private async Task<AppResult<BookingDto>> AnswerAsync(Actor who, string whoName, BookRequest request, CancellationToken ct)
    {
        if (await known.IsTakenAsync(request, ct)) return BookingRefusal.SlotTaken;
        var parsed = KnownTakenSlots.TryKey(request, out var asked);

        while (true)
        {
            // One attempt per slot at a time in this instance, taken before any read of the slot: at an opening the
            // other requests for it wait for this attempt's outcome (then are answered from memory) instead of all
            // reading the database too. A request whose fields do not parse needs no turn (it is answered invalid-input).
            Task running = Task.CompletedTask;
            using var turn = parsed ? turns.TryTake(asked, out running) : null;
            if (parsed && turn is null)
            {
                await turns.WaitForAsync(running, ct); // another request of this instance is booking the slot: its outcome decides
                if (await known.IsKnownHeldAsync(asked, ct)) return BookingRefusal.SlotTaken;
                continue;
            }

            var named = await BookingReads.SlotOfAsync(db, rules, request.RoomId, request.Date, request.Start, ct);
            if (!named.IsOk) return named.Problem!;
            var (room, site, slot) = named.Value;
            var key = new SlotKey(slot.Date, slot.RoomId, slot.Period.Start);

            // Cheap definitive answers first. WAL readers never wait for the writer, so the many losers of a
            // burst never queue for the write lock; the unique indexes stay the arbiters for requests racing past.
            var now = clock.GetUtcNow();
            var placed = Domain.Bookings.Booking.Place(room, slot, site.WindowFor(slot), who.Id, whoName, now, request.Attendees);
            if (!placed.IsOk && parsed && line.Admits(placed.Refusal!, now))
            {
                // Early by a few seconds: wait in line, holding the slot's turn, and be tried at the opening instant
                // (the write path checks everything again against the room and the member's bookings).
                // What the write reads is read now, so that at the instant only the insert is left (the room's version
                // and the limits' unique indexes still guard what changes while waiting).
                var readEarly = new BookingFirstReads(room, await BookingReads.HeldAsync(db, who.Id, placed.Refusal!.OpensAt!.Value, ct));
                while (!placed.IsOk && line.Admits(placed.Refusal!, now))
                {
                    await line.UntilAsync(placed.Refusal!.OpensAt!.Value, ct);
                    now = clock.GetUtcNow();
                    placed = Domain.Bookings.Booking.Place(room, slot, site.WindowFor(slot), who.Id, whoName, now, request.Attendees);
                }
                if (!placed.IsOk) return AppProblem.From(placed.Refusal!, site.Zone);
                if (held.IsHeld(key)) return BookingRefusal.SlotTaken;
                using var opening = await admission.EnterAsync(ct);
                if (opening is null) return admission.Busy;
                return await writer.BookAsync(db, who, whoName, slot, site, readEarly, request.Attendees, ct);
            }
            if (!placed.IsOk) return AppProblem.From(placed.Refusal!, site.Zone);
            if (held.IsHeld(key)) return BookingRefusal.SlotTaken;
            var mark = held.Mark();
            if (await BookingReads.HolderAsync(db, slot, ct) is not null)
            {
                held.Add(key, mark);
                return BookingRefusal.SlotTaken;
            }
            var memberBookings = await BookingReads.HeldAsync(db, who.Id, now, ct);
            var claims = site.Limits.Claim(who, slot, memberBookings, now);
            if (!claims.IsOk) return await BookingReads.ProblemAsync(db, claims.Refusal!, site, ct);

            using var lease = await admission.EnterAsync(ct);
            if (lease is null) return admission.Busy;
            return await writer.BookAsync(db, who, whoName, slot, site, new BookingFirstReads(room, memberBookings), request.Attendees, ct);
        }
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
