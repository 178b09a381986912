using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Meetings;

/// <summary>
/// Check-in (start) and end of meetings (B3, B4). The booker check is synchronous: it happens in
/// the domain transition inside this request, against the stored booking.
/// </summary>
public sealed class MeetingService(BookingStore store, IOptions<BookingOptions> options)
{
    /// <summary>Starts the meeting. Problems: unknown-booking, not-the-booker (403), wrong-state, period-over, not-open-yet (too early; opensAt = first allowed instant).</summary>
    public Task<AppResult<BookingDto>> StartAsync(Actor who, Guid bookingId, CancellationToken ct = default) =>
        store.TransitionAsync(bookingId, (b, now) => b.Start(who.Id, now, options.Value.StartGrace), ct);

    /// <summary>Ends the meeting (booker or admin); ending early frees the rest of the period. Problems: unknown-booking, not-the-booker, wrong-state.</summary>
    public Task<AppResult<BookingDto>> EndAsync(Actor who, Guid bookingId, CancellationToken ct = default) =>
        store.TransitionAsync(bookingId, (b, now) => b.End(who, now), ct);
}
