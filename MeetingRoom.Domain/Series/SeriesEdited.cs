using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Series;

/// <summary>
/// An admin changed the series' own title or booker (scope "all"); <paramref name="PreviousBooker"/> is who held it before
/// (the same as <paramref name="BookedBy"/> when only the title changed). <paramref name="Sequence"/> is the iCalendar SEQUENCE
/// the change gives the series' event.
/// </summary>
public sealed record SeriesEdited(Guid SeriesId, string Title, MemberId BookedBy, MemberId PreviousBooker, MemberId EditedBy, int Sequence,
    DateTimeOffset OccurredAt) : IDomainEvent;
