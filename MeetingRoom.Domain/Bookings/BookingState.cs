namespace MeetingRoom.Domain.Bookings;

/// <summary>The states of a booking (the design card's glossary).</summary>
public enum BookingState
{
    /// <summary>Waiting for an admin because the room needs approval (B5). Active.</summary>
    PendingApproval,
    /// <summary>Booked and waiting for its check-in. Active.</summary>
    Confirmed,
    /// <summary>Checked in by the booker. Active.</summary>
    InMeeting,
    /// <summary>Ended by the booker or an admin; the rest of the period is free again (B4).</summary>
    Ended,
    /// <summary>Cancelled by the booker, an admin, a denial, or because the room was taken out of service or deleted.</summary>
    Cancelled,
    /// <summary>Auto-released: not checked in within the no-show limit after the period started (a no-show).</summary>
    Released,
}
