namespace MeetingRoom.Web.Features.Series;

/// <summary>What an occurrence of a series is, in a preview or once saved (issue 22).</summary>
public enum OccurrenceState
{
    /// <summary>Preview: the slot is free and will be booked.</summary>
    Free,
    /// <summary>Preview: someone already holds the slot (<c>bookedBy</c> says who). Saved: a member's booking landed first.</summary>
    Booked,
    /// <summary>The room is out of service (now, or over the occurrence's period).</summary>
    OutOfService,
    /// <summary>The series' period is not in the timetable on that date.</summary>
    OutsideTimetable,
    /// <summary>The occurrence's period is already over.</summary>
    Past,
    /// <summary>Saved: the occurrence is booked by the series (<c>bookingId</c>).</summary>
    Reserved,
    /// <summary>Saved: the occurrence was booked by the series and later cancelled (alone, with the following ones, or by the strikes).</summary>
    Cancelled,
    /// <summary>Saved: the occurrence was booked and released as a no-show.</summary>
    NoShow,
    /// <summary>Saved: the occurrence's meeting took place or is under way.</summary>
    Held,
}
