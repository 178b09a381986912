using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>Parses site-local times of day written "HH:mm" (24-hour).</summary>
public static class TimeInput
{
    public static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out time);

    /// <summary>
    /// Parses a window's opening time of day: "HH:mm", or "HH:mm:ss" when an opening must fall on a given second
    /// (the benchmark opens a window every few seconds).
    /// </summary>
    public static bool TryParseOpening(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out time);

    /// <summary>"HH:mm", or "HH:mm:ss" when the seconds are not zero.</summary>
    public static string FormatOpening(TimeOnly time) =>
        time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses a site-local date written "YYYY-MM-DD", years 2000 to 2999 (instants outside are not representable in every zone).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out date) && date.Year is >= 2000 and <= 2999;
}
