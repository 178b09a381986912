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

/// <summary>Why a booking was cancelled; tells the member what happened.</summary>
public enum CancellationCause
{
    /// <summary>The booker cancelled it.</summary>
    Booker,
    /// <summary>An admin cancelled it.</summary>
    Admin,
    /// <summary>Its room was taken out of service (R3).</summary>
    RoomOutOfService,
    /// <summary>Its room was deleted (R2).</summary>
    RoomDeleted,
    /// <summary>Its booker's account was deactivated by an admin (P1): a deactivated member holds no upcoming booking.</summary>
    MemberDeactivated,
    /// <summary>An admin cancelled its series (issue 22: this occurrence, this and following, or all).</summary>
    SeriesCancelled,
    /// <summary>Its series ended because its latest occurrences in a row were no-shows (issue 22, the site's seriesNoShowStrikes).</summary>
    SeriesNoShows,
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
