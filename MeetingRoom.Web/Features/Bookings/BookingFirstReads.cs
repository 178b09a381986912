using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Rooms;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// What a booking request already read before its write, given to <see cref="BookingWriter.BookAsync"/> so that its
/// first attempt does not read them again: the room (tracked or not; its version is checked at the write) and the
/// member's bookings that hold limit places (<see cref="BookingReads.HeldAsync"/>). A later attempt reads both again.
/// </summary>
/// <param name="Room">The room the slot belongs to (not deleted).</param>
/// <param name="MemberBookings">The member's active bookings that count against a limit.</param>
public sealed record BookingFirstReads(Room Room, IReadOnlyList<HeldBooking> MemberBookings);
