using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Web.Features.Insights.Rollup;

/// <summary>
/// The columns of one booking that the insights read (all in <c>IX_Bookings_Insights</c>): room, site-local date and
/// period start of its slot; its instants in UTC (<c>StartsAt</c>/<c>EndsAt</c> are the period's real instants, DST
/// included); its state.
/// </summary>
public sealed record InsightsBooking(int RoomId, DateOnly Date, TimeOnly PeriodStart, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    DateTimeOffset BookedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, BookingState State)
{
    /// <summary>Its period has started by <paramref name="now"/> and it reached it (Confirmed, InMeeting, Ended or Released).</summary>
    public bool Reached(DateTimeOffset now) => StartsAt <= now
        && State is BookingState.Confirmed or BookingState.InMeeting or BookingState.Ended or BookingState.Released;

    /// <summary>When it freed the rest of its period (released as a no-show, or ended early), or null.</summary>
    public DateTimeOffset? FreedAt => State == BookingState.Released || (EndedAt is { } e && e < EndsAt) ? EndedAt ?? StartsAt : null;

    /// <summary>
    /// The time it held the room: from the period start, or from when it was booked if it took the slot after one of
    /// <paramref name="freedAt"/> (and was booked after the period started); to its early end or the period end.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) Held(IReadOnlyCollection<DateTimeOffset> freedAt) =>
        (BookedAt > StartsAt && freedAt.Any(f => f <= BookedAt) ? BookedAt : StartsAt,
         EndedAt is { } ended && ended < EndsAt ? ended : EndsAt);
}
