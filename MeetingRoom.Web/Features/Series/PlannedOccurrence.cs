using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// One date of a series as the service sees it (issue 22): the site-local <paramref name="Date"/>, its <paramref name="Slot"/> under
/// the timetable in force (null when the series' period is not in it that day), the <paramref name="State"/>, who holds the slot when
/// someone else does (<paramref name="BookedBy"/>: a series' title or the booker's name) and the series' own booking of that date.
/// </summary>
public sealed record PlannedOccurrence(DateOnly Date, Slot? Slot, OccurrenceState State, string? BookedBy = null, Guid? BookingId = null)
{
    /// <summary>Free to book now.</summary>
    public bool IsFree => State is OccurrenceState.Free;

    /// <summary>As the API gives it; the period (site-local "HH:mm") is the slot's, or <paramref name="fallback"/> without one.</summary>
    public SeriesOccurrenceDto ToDto(Period fallback)
    {
        var period = Slot?.Period ?? fallback;
        return new(Date, period.Start.ToString("HH:mm"), period.End.ToString("HH:mm"), State, BookedBy, BookingId);
    }
}
