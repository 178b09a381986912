using MeetingRoom.Domain.Series;

namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// A series (issue 22): its room and period (site-local "HH:mm"), first date, title, rule (and its RRULE), booker, state, and every
/// occurrence with its state (<see cref="OccurrenceState.Reserved"/> … ; skipped ones as <see cref="OccurrenceState.Booked"/>,
/// <see cref="OccurrenceState.OutOfService"/>, <see cref="OccurrenceState.OutsideTimetable"/> or <see cref="OccurrenceState.Past"/>).
/// </summary>
public sealed record SeriesDto(Guid Id, int RoomId, string RoomName, string Start, string End, DateOnly FirstDate, string Title,
    SeriesRuleDto Rule, string Rrule, string BookerId, string BookerName, SeriesState State, IReadOnlyList<SeriesOccurrenceDto> Occurrences);
