using MeetingRoom.Domain.Bookings;
using MeetingRoom.Web.Features.Admin;

namespace MeetingRoom.Web.Features.Booking;

/// <summary>
/// A booking as the API returns it. <c>date</c> and <c>start</c>/<c>end</c> are site-local;
/// instants are ISO 8601 with the site's UTC offset.
/// </summary>
public sealed record BookingDto(
    Guid Id, int RoomId, string RoomName, DateOnly Date, string Start, string End,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, BookingState State,
    string BookedById, string BookedBy, DateTimeOffset BookedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, DateTimeOffset? CancelledAt, string? Reason)
{
    public static BookingDto From(Domain.Bookings.Booking b, string roomName, SiteRules rules) => new(
        b.Id, b.RoomId, roomName, b.Date, b.PeriodStart.ToString("HH:mm"), b.PeriodEnd.ToString("HH:mm"),
        rules.Local(b.StartsAt), rules.Local(b.EndsAt), b.State, b.BookedBy.Value, b.BookedByName,
        rules.Local(b.BookedAt), rules.Local(b.StartedAt), rules.Local(b.EndedAt), rules.Local(b.CancelledAt), b.Reason);
}

/// <summary><c>POST /api/bookings</c> body: a room, a site-local date (YYYY-MM-DD) and a period start (HH:mm).</summary>
public sealed record BookRequest(int? RoomId, string? Date, string? Start);

/// <summary>Optional body of cancel and deny: why.</summary>
public sealed record ReasonRequest(string? Reason);
