using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Web.Features.Notifications.Calendar;

/// <summary>One booking as a calendar event: what an .ics file, the personal feed and the confirmation email carry.</summary>
public sealed record CalendarEntry(Guid BookingId, string RoomName, int Floor, DateOnly Date, TimeOnly Start, TimeOnly End,
    BookingState State, DateTimeOffset BookedAt, string? Reason);
