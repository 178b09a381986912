using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Domain.Scheduling;

/// <summary>What the schedule shows for one slot (requirement S1).</summary>
public enum SlotStatus
{
    /// <summary>The booking window has not opened yet ("opens at hh:mm").</summary>
    NotYetOpen,
    /// <summary>Bookable now.</summary>
    Open,
    /// <summary>Confirmed booking, not started.</summary>
    Booked,
    /// <summary>Booked, waiting for an admin's approval.</summary>
    PendingApproval,
    /// <summary>Checked in ("since hh:mm").</summary>
    InMeeting,
    /// <summary>A meeting ended early: bookable for the rest of the period.</summary>
    FreeAgain,
    /// <summary>The period is over.</summary>
    Closed,
    /// <summary>The room is out of service.</summary>
    OutOfService,
}

public static class SlotStatusRules
{
    /// <summary>
    /// The status of a slot at <paramref name="now"/>, given its window, whether its room is out of
    /// service, the state of its active booking (if any) and whether a meeting in it ended early.
    /// A meeting in progress shows as such even past the period end (until it is ended).
    /// </summary>
    public static SlotStatus StatusOf(DateTimeOffset now, BookingWindow window, bool roomOutOfService,
        BookingState? activeBooking, bool endedEarly)
    {
        if (roomOutOfService) return SlotStatus.OutOfService;
        if (activeBooking is BookingState.InMeeting) return SlotStatus.InMeeting;
        if (now >= window.ClosesAt) return SlotStatus.Closed;
        if (activeBooking is BookingState.Confirmed) return SlotStatus.Booked;
        if (activeBooking is BookingState.PendingApproval) return SlotStatus.PendingApproval;
        if (now < window.OpensAt) return SlotStatus.NotYetOpen;
        return endedEarly ? SlotStatus.FreeAgain : SlotStatus.Open;
    }
}
