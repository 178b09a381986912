using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Web.Features.Booking;

/// <summary>Configuration section "Booking".</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>Minutes before the period start from which the booker may check in (default 10).</summary>
    public int StartGraceMinutes { get; set; } = (int)Domain.Bookings.Booking.DefaultStartGrace.TotalMinutes;

    public TimeSpan StartGrace => TimeSpan.FromMinutes(StartGraceMinutes);
}
