using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>One of a member's upcoming bookings, as an admin looks at them (site-local date and period).</summary>
public sealed record MemberBookingRow(Guid Id, string RoomName, DateOnly Date, TimeOnly Start, TimeOnly End, BookingState State);
