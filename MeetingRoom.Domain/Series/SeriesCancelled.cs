using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Series;

/// <summary>An admin cancelled the whole series (its bookings raise their own <c>BookingCancelled</c>).</summary>
public sealed record SeriesCancelled(Guid SeriesId, MemberId BookedBy, MemberId CancelledBy, DateTimeOffset OccurredAt) : IDomainEvent;
