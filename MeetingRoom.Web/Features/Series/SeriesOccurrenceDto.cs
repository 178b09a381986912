namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// One date of a series: the site-local date, the period ("HH:mm"), its state, who holds it when someone else does
/// (<see cref="OccurrenceState.Booked"/>), and the series' booking of it when there is one.
/// </summary>
public sealed record SeriesOccurrenceDto(DateOnly Date, string Start, string End, OccurrenceState State, string? BookedBy = null, Guid? BookingId = null);
