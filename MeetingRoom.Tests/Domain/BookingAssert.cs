using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;

namespace MeetingRoom.Tests.Domain;

/// <summary>Assertions shared by the booking transition tests.</summary>
internal static class BookingAssert
{
    private sealed record Snapshot(BookingState State, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
        DateTimeOffset? CancelledAt, MemberId? ClosedBy, string? Reason, int EventCount)
    {
        public static Snapshot Of(Booking b) =>
            new(b.State, b.StartedAt, b.EndedAt, b.CancelledAt, b.ClosedBy, b.Reason, b.DomainEvents.Count);
    }

    /// <summary>
    /// Runs a transition that must be refused for <paramref name="reason"/>, and checks that the
    /// refusal left the booking as it was and raised no event. Returns the refusal.
    /// </summary>
    public static BookingRefusal Refused(Booking booking, Func<Booking, BookingResult> transition, RefusalReason reason)
    {
        var before = Snapshot.Of(booking);

        var result = transition(booking);

        Assert.False(result.IsOk, "the transition should have been refused");
        Assert.Equal(reason, result.Refusal!.Reason);
        Assert.Equal(before, Snapshot.Of(booking));
        Assert.Empty(booking.DomainEvents);
        return result.Refusal;
    }

    /// <summary>The one event the transition raised, of type <typeparamref name="TEvent"/>.</summary>
    public static TEvent RaisedOnly<TEvent>(Booking booking) where TEvent : IDomainEvent =>
        Assert.IsType<TEvent>(Assert.Single(booking.DomainEvents));
}
