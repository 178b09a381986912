using MeetingRoom.Domain.Series;

namespace MeetingRoom.Web.Features.Notifications.Calendar;

/// <summary>
/// A series (issue 22) as one calendar event of its booker: its room, period (site-local), first date and rule (the RRULE),
/// the rule's dates that are not the booker's active occurrences (<paramref name="ExceptDates"/>: skipped, cancelled, released,
/// handed to someone else; the EXDATEs), whether the series is over (cancelled or ended for no-shows: STATUS CANCELLED), and its
/// <see cref="BookingSeries.Sequence"/> (the SEQUENCE).
/// </summary>
public sealed record SeriesCalendarEntry(Guid SeriesId, string Title, string RoomName, int Floor, DateOnly FirstDate, TimeOnly Start, TimeOnly End,
    SeriesRule Rule, IReadOnlyList<DateOnly> ExceptDates, bool Ended, int Sequence, DateTimeOffset CreatedAt);
