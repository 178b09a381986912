using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// A member's place on a waitlist, as <c>GET /api/me/waitlist</c> and My bookings show it. Date and times are
/// site-local. <c>position</c>: 1 = next in line, while waiting; null otherwise. <c>bookingId</c>: the booking
/// received, once served.
/// </summary>
public sealed record WaitlistEntryDto(long Id, int RoomId, string RoomName, DateOnly Date, string Start, string End,
    WaitlistState State, int? Position, DateTimeOffset JoinedAt, Guid? BookingId);
