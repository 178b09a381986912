using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>Admins approve or deny bookings of rooms that need approval (B5).</summary>
public sealed class ApprovalService(AppDbContext db, BookingStore store, SiteRulesProvider rules, TimeProvider clock)
{
    /// <summary>Pending bookings whose period is not over (those can no longer be approved), soonest first.</summary>
    public async Task<IReadOnlyList<BookingDto>> PendingAsync(CancellationToken ct = default)
    {
        var site = await rules.GetAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.State == BookingState.PendingApproval && b.EndsAt > now)
            .OrderBy(b => b.StartsAt)
            .Join(db.Rooms, b => b.RoomId, r => r.Id, (b, r) => new { Booking = b, RoomName = r.Name })
            .ToListAsync(ct);
        return rows.Select(x => BookingDto.From(x.Booking, x.RoomName, site)).ToList();
    }

    /// <summary>Problems: unknown-booking, admin-only, wrong-state, period-over.</summary>
    public Task<AppResult<BookingDto>> ApproveAsync(Actor admin, Guid bookingId, CancellationToken ct = default) =>
        store.TransitionAsync(bookingId, (b, now) => b.Approve(admin, now), ct);

    /// <summary>Problems: unknown-booking, admin-only, wrong-state, invalid-input (no reason).</summary>
    public Task<AppResult<BookingDto>> DenyAsync(Actor admin, Guid bookingId, string? reason, CancellationToken ct = default) =>
        store.TransitionAsync(bookingId, (b, now) => b.Deny(admin, reason, now), ct);
}
