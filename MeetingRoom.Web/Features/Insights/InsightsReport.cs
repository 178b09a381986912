namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// The figures of <c>GET /api/admin/insights</c> and <c>/admin/insights</c> (issue 23) for <see cref="Filter"/>.
/// Hours are period hours; rates are 0–1 and null when there is nothing to divide by (the page shows an empty state,
/// never a zero that looks like data). Dates and period starts are site-local (<see cref="TimeZone"/>, IANA).
/// </summary>
public sealed record InsightsReport(
    InsightsFilter Filter,
    string TimeZone,
    UtilizationFigures Utilization,
    double? CheckInRate,
    double? NoShowRate,
    double ReleasedHours,
    double RebookedHours,
    IReadOnlyList<HeatmapCell> Heatmap,
    OpeningDemandFigures OpeningDemand,
    IReadOnlyList<CapacityFitRow> CapacityFit)
{
    /// <summary>True when the range holds no bookable period time at all (nothing to show).</summary>
    public bool IsEmpty => Utilization.BookableHours <= 0;
}

/// <summary>Booked period time ÷ bookable period time (timetable periods, out-of-service time excluded).</summary>
public sealed record UtilizationFigures(
    double BookedHours, double BookableHours, double? Rate,
    IReadOnlyList<RoomUtilization> Rooms, IReadOnlyList<FloorUtilization> Floors);

public sealed record RoomUtilization(int RoomId, string Name, int Floor, double BookedHours, double BookableHours, double? Rate);

public sealed record FloorUtilization(int Floor, double BookedHours, double BookableHours, double? Rate);

/// <summary>One cell of the weekday × period heatmap (<see cref="Weekday"/>: ISO 1 = Monday … 7 = Sunday).</summary>
public sealed record HeatmapCell(int Weekday, TimeOnly PeriodStart, double BookedHours, double BookableHours, double? Rate);

/// <summary>The demand at the openings: per room and period, and per opening instant.</summary>
public sealed record OpeningDemandFigures(IReadOnlyList<OpeningDemandByRoomPeriod> ByRoomPeriod, IReadOnlyList<OpeningFill> Openings);

/// <summary>
/// For one room and period over the range: answers in the first minute after its openings (<see cref="Attempts"/>),
/// slots booked in that minute (<see cref="Winners"/>), first-minute answers that did not book (<see cref="Losers"/>),
/// waitlist joins for its slots, and the median seconds from an opening to its slot being taken (null: never taken).
/// </summary>
public sealed record OpeningDemandByRoomPeriod(
    int RoomId, string RoomName, int Floor, TimeOnly PeriodStart, int Openings,
    long Attempts, long Winners, long Losers, long WaitlistJoins, double? MedianSecondsToTaken);

/// <summary>One opening instant (UTC, shown site-local): how many slots it opened, how many were taken, and the seconds until the last taken one was.</summary>
public sealed record OpeningFill(DateTimeOffset OpensAt, int Slots, int Taken, double? SecondsUntilLastTaken);

/// <summary>Per room: bookings that gave an attendee count, their median, and median ÷ capacity (low: the room is too big for its meetings).</summary>
public sealed record CapacityFitRow(int RoomId, string Name, int Floor, int Capacity, int BookingsWithAttendees, double? MedianAttendees, double? Fit);
