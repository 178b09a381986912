using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// The schedule read model: one row per slot (site-local date × room × period start) that has
/// had a booking, kept by <see cref="ScheduleProjection"/> from domain events. What depends on the
/// clock (not open yet / open / closed) is derived when read, from the window rule.
/// </summary>
public sealed class ScheduleSlotRow
{
    public DateOnly Date { get; set; }
    public int RoomId { get; set; }
    public TimeOnly PeriodStart { get; set; }
    /// <summary>The booking holding the slot, if any.</summary>
    public Guid? ActiveBookingId { get; set; }
    /// <summary>PendingApproval, Confirmed or InMeeting; null when free.</summary>
    public BookingState? ActiveState { get; set; }
    public string? BookedByName { get; set; }
    /// <summary>The series the active booking is an occurrence of (issue 22), or null.</summary>
    public Guid? SeriesId { get; set; }
    /// <summary>The active occurrence's series title (shown instead of the booker's name), or null.</summary>
    public string? Title { get; set; }
    /// <summary>When the meeting started (UTC), while in meeting.</summary>
    public DateTimeOffset? Since { get; set; }
    /// <summary>A meeting in this slot ended before the period was over, or a no-show was released: free again.</summary>
    public bool EndedEarly { get; set; }
    /// <summary>Members in line on the slot's waitlist (F3): a number, no names.</summary>
    public int Waiting { get; set; }
    /// <summary>Outbox id of the last event applied: grows with every change of this slot.</summary>
    public long Version { get; set; }
}
