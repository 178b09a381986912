namespace MeetingRoom.Web.Features.Notifications;

/// <summary>What happened to a member's booking (requirement B7).</summary>
public enum NotificationKind
{
    Approved,
    Denied,
    CancelledByAdmin,
    RoomOutOfService,
    Released,
    EndingSoon,
    /// <summary>The member received a booking from the waitlist (F3).</summary>
    FromWaitlist,
    /// <summary>An admin made a series (issue 22) for the member: one notice for all its occurrences.</summary>
    SeriesCreated,
    /// <summary>An admin changed the member's series or some of its occurrences (title, or the member became its booker).</summary>
    SeriesChanged,
    /// <summary>An admin gave the member's series, or some of its occurrences, to another member.</summary>
    SeriesHandedOver,
    /// <summary>An admin cancelled the member's whole series.</summary>
    SeriesCancelled,
    /// <summary>An admin cancelled one occurrence of the member's series, or it and the following ones.</summary>
    SeriesOccurrencesCancelled,
    /// <summary>The series ended after the site's seriesNoShowStrikes no-shows in a row (told to its booker and the admin who made it).</summary>
    SeriesEnded,
    /// <summary>
    /// An admin deleted the room the member was waiting in line for (issue 25). Keyed on the place, not a booking
    /// (<see cref="NotificationProjection.WaitlistPlaceKey"/>).
    /// </summary>
    WaitlistPlaceRemoved,
}
