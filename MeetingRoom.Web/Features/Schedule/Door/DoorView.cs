namespace MeetingRoom.Web.Features.Schedule.Door;

/// <summary>
/// A door display's view of its room at <paramref name="Now"/>. Times are site-local (the site's offset).
/// <paramref name="QrStart"/>: the period whose check-in QR code the door shows (the booking to start, or the period
/// running now while the room is free: book the rest of it), or null when there is none. <paramref name="SeriesTitle"/>: the
/// title of the series (issue 22) whose occurrence is booked or in meeting now, shown with the series badge; null otherwise.
/// </summary>
public sealed record DoorView(
    int RoomId, string RoomName, DateOnly Date, string TimeZone, DateTimeOffset Now, DoorState State,
    DateTimeOffset? Starts, DateTimeOffset? Until, DateTimeOffset? CheckInBy, bool PendingApproval,
    string? OutOfServiceReason, Guid? BookingId, IReadOnlyList<DoorBooking> Next, TimeOnly? QrStart = null, string? SeriesTitle = null);
