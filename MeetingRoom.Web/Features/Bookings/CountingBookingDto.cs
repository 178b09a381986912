using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>A booking that counts against a limit, as a member-limit problem lists it.</summary>
public sealed record CountingBookingDto(Guid Id, int RoomId, string RoomName, DateOnly Date, string Start, string End, BookingState State);
