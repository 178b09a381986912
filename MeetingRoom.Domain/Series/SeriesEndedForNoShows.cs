using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Series;

/// <summary>
/// The series ended because its last <paramref name="NoShowsInARow"/> occurrences were released as no-shows (the site's
/// <c>seriesNoShowStrikes</c>); the booker and the admin who made it are told. Its upcoming bookings raise their own
/// <c>BookingCancelled</c> with the cause SeriesNoShows.
/// </summary>
public sealed record SeriesEndedForNoShows(Guid SeriesId, string Title, MemberId BookedBy, MemberId CreatedBy, int NoShowsInARow,
    DateTimeOffset OccurredAt) : IDomainEvent;
