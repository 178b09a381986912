namespace MeetingRoom.Domain.Scheduling;

/// <summary>
/// Converts between site-local wall-clock times and UTC instants (requirement T4: rule times are
/// site-local, stored instants are UTC). Daylight-saving gaps and overlaps are resolved the way
/// calendar software does: a local time inside a spring-forward gap moves forward by the gap
/// (02:30 becomes 03:30), and an ambiguous local time in a fall-back overlap means its first
/// occurrence (the daylight-time instant).
/// </summary>
public static class SiteClock
{
    /// <summary>The UTC instant of <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
            offset = zone.GetUtcOffset(local.AddHours(-3)); // the offset in force before the gap
        else if (zone.IsAmbiguousTime(local))
            offset = zone.GetAmbiguousTimeOffsets(local).Max(); // first occurrence
        else
            offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The site-local wall-clock time of a UTC instant (offset included).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The site-local calendar date of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(ToLocal(instant, zone).DateTime);

    /// <summary>
    /// Finds a zone by IANA id (e.g. "Asia/Seoul"); returns false for an unknown id.
    /// </summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id)) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
