using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>Configuration section "Booking".</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>Minutes before the period start from which the booker may check in (default 10).</summary>
    public int StartGraceMinutes { get; set; } = (int)Domain.Bookings.Booking.DefaultStartGrace.TotalMinutes;

    public TimeSpan StartGrace => TimeSpan.FromMinutes(StartGraceMinutes);

    /// <summary>
    /// Seconds before a booking window opens from which a booking request waits for the opening instead of being
    /// refused not-open-yet (default 10; 0 = off). See <see cref="OpeningLine"/>.
    /// </summary>
    public int QueueBeforeOpeningSeconds { get; set; } = 10;

    public TimeSpan QueueBeforeOpening => TimeSpan.FromSeconds(Math.Clamp(QueueBeforeOpeningSeconds, 0, 60));
}
