namespace MeetingRoom.Domain.Bookings;

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
