namespace MeetingRoom.Web.Features.Bookings;

/// <summary>Configuration section "Overload" (requirement N3).</summary>
public sealed class OverloadOptions
{
    public const string Section = "Overload";
    /// <summary>Booking requests worked on at once (SQLite has one writer; more only adds contention).</summary>
    public int BookingConcurrency { get; set; } = 8;
    /// <summary>Booking requests allowed to wait for a slot; beyond this they are turned away at once.</summary>
    public int BookingQueue { get; set; } = 256;
    /// <summary>
    /// <c>POST /api/bookings</c> requests in flight in this process before more are turned away at the
    /// edge, before authentication, so shedding costs almost nothing (0 = no edge limit). High enough that an
    /// opening burst is answered (slot-taken / yours), not shed: most of it never reaches the write path (F2).
    /// </summary>
    public int EdgeBookingRequests { get; set; } = 2048;
    /// <summary>The "try again in N seconds" answered when turned away (HTTP Retry-After).</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}
