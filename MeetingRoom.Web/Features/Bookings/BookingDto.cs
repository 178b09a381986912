using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// A booking as the API returns it. <c>date</c> and <c>start</c>/<c>end</c> are site-local;
/// instants are ISO 8601 with the site's UTC offset. <c>attendees</c>: how many people the booker expects (null: not said).
/// <c>seriesId</c> and <c>title</c>: the series (issue 22) this booking is an occurrence of and its title; null for a member's own booking.
/// </summary>
public sealed record BookingDto(
    Guid Id, int RoomId, string RoomName, DateOnly Date, string Start, string End,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, BookingState State,
    string BookedById, string BookedBy, DateTimeOffset BookedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, DateTimeOffset? CancelledAt, string? Reason,
    CancellationCause? CancelCause = null, int? Attendees = null, Guid? SeriesId = null, string? Title = null)
{
    public static BookingDto From(Domain.Bookings.Booking b, string roomName, SiteRules rules) => new(
        b.Id, b.RoomId, roomName, b.Date, b.PeriodStart.ToString("HH:mm"), b.PeriodEnd.ToString("HH:mm"),
        rules.Local(b.StartsAt), rules.Local(b.EndsAt), b.State, b.BookedBy.Value, b.BookedByName,
        rules.Local(b.BookedAt), rules.Local(b.StartedAt), rules.Local(b.EndedAt), rules.Local(b.CancelledAt), b.Reason, b.CancelCause, b.Attendees,
        b.SeriesId, b.Title);

    /// <summary>The booked slot (site-local date and period, UTC-comparable instants).</summary>
    public Slot ToSlot() => new(RoomId, Date,
        new Period(TimeOnly.ParseExact(Start, "HH:mm"), TimeOnly.ParseExact(End, "HH:mm")), StartsAt, EndsAt);

    /// <summary>
    /// Whether <paramref name="who"/> may start (check in to) this booking at <paramref name="now"/>:
    /// null when allowed, otherwise the refusal the server would give (the domain's
    /// <see cref="Domain.Bookings.Booking.CanStart(MemberId, BookingState, Slot, MemberId, DateTimeOffset, TimeSpan)"/>).
    /// </summary>
    public BookingRefusal? CanStart(MemberId who, DateTimeOffset now, TimeSpan startGrace) =>
        Domain.Bookings.Booking.CanStart(new MemberId(BookedById), State, ToSlot(), who, now, startGrace);
}
