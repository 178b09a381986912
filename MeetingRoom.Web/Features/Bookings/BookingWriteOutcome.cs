namespace MeetingRoom.Web.Features.Bookings;

/// <summary>What became of one attempt to save a new booking (<see cref="BookingWriter.SaveAsync"/>).</summary>
public enum BookingWriteOutcome
{
    /// <summary>Saved: the booking, its limit places, the room's version check and the outbox row.</summary>
    Saved,

    /// <summary>
    /// A unique index refused the row: another active booking holds the slot, or one of the member's own bookings
    /// took the same limit place (read again to tell which).
    /// </summary>
    UniqueViolation,

    /// <summary>The room changed since it was read (its version is a concurrency token, N1): check everything again.</summary>
    RoomChanged,
}
