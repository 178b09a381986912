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
    /// <summary>Cancelled by the booker, an admin, or a denial.</summary>
    Cancelled,
}

public static class BookingStates
{
    /// <summary>
    /// States that hold the slot: at most one booking per slot may be in one of these (B1).
    /// The database's unique filtered index is built from this list.
    /// </summary>
    public static readonly IReadOnlyList<BookingState> Active =
        [BookingState.PendingApproval, BookingState.Confirmed, BookingState.InMeeting];

    public static bool IsActive(this BookingState state) => Active.Contains(state);
}
