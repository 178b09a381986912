namespace MeetingRoom.Domain.Bookings;

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
