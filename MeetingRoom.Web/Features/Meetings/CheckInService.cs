using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Meetings;

/// <summary>
/// QR check-in (D2): a code from a door display leads to its slot; starting it is My bookings' Start
/// (<see cref="MeetingService.StartAsync"/>), so only the booker may, within the check-in window, with the same refusals.
/// </summary>
public sealed class CheckInService(AppDbContext db, CheckInCodes codes, MeetingService meetings)
{
    /// <summary>The slot and booking a code leads to. Problem: checkin-code-expired.</summary>
    public async Task<AppResult<CheckInTarget>> ResolveAsync(string code, CancellationToken ct = default)
    {
        if (codes.Read(code) is not { } slot) return Expired;
        var room = await db.Rooms.AsNoTracking().Where(r => r.Id == slot.RoomId && r.DeletedAt == null).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (room is null) return BookingRefusal.UnknownRoom;
        var booking = await db.Bookings.AsNoTracking()
            .Where(b => b.RoomId == slot.RoomId && b.Date == slot.Date && b.PeriodStart == slot.Start && BookingStates.Active.Contains(b.State))
            .Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
        return new CheckInTarget(slot, room, booking);
    }

    /// <summary>
    /// Starts the meeting of the code's slot for <paramref name="who"/>. Problems: checkin-code-expired, slot-free (nobody
    /// booked it: book it instead), and Start's: not-the-booker, wrong-state, period-over, not-open-yet.
    /// </summary>
    public async Task<AppResult<BookingDto>> CheckInAsync(Actor who, string code, CancellationToken ct = default)
    {
        var target = await ResolveAsync(code, ct);
        if (!target.IsOk) return target.Problem!;
        if (target.Value!.BookingId is not { } id)
            return AppProblem.Conflict(ProblemCodes.SlotFree, ProblemText.Get("TitleSlotFree"), ProblemText.Get("CheckInSlotFree"));
        return await meetings.StartAsync(who, id, ct);
    }

    public static AppProblem Expired => new(ProblemCodes.CheckInCodeExpired, 410, ProblemText.Get("TitleCheckinCodeExpired"), ProblemText.Get("CheckInCodeExpired"));
}
