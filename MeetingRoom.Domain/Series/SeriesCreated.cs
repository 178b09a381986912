using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Series;

/// <summary>An admin made a series of <paramref name="RoomId"/>'s period starting at <paramref name="PeriodStart"/> for <paramref name="BookedBy"/>.</summary>
public sealed record SeriesCreated(Guid SeriesId, int RoomId, TimeOnly PeriodStart, string Title, MemberId BookedBy, MemberId CreatedBy,
    DateTimeOffset OccurredAt) : IDomainEvent;
