using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// One slot's new state, as pushed to components and to <c>/hubs/schedule</c> clients.
/// <paramref name="Date"/> and <paramref name="Start"/> ("HH:mm") are site-local;
/// <paramref name="Version"/> grows with every change of the slot (clients ignore a lower one than
/// they have); instants carry the site's offset. <paramref name="Waiting"/>: members in line on the
/// waitlist of a held slot (a number, no names). <paramref name="SeriesId"/> and <paramref name="Title"/>: the series
/// (issue 22) of the holding booking and its title, or null.
/// </summary>
public sealed record ScheduleChange(
    int RoomId, DateOnly Date, string Start, SlotStatus State, long Version,
    Guid? BookingId, string? BookedBy, DateTimeOffset? Since, DateTimeOffset OpensAt, int Waiting = 0, Guid? SeriesId = null, string? Title = null);
