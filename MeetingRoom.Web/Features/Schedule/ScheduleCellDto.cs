using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// One cell of the schedule: a room in a period on the schedule's date. Times are site-local
/// "HH:mm"; instants are ISO 8601 with the site's offset. <c>version</c> grows with every change.
/// <c>waiting</c>: how many members are in line on the waitlist of a held slot (F3; a number, never names;
/// 0 when the slot is not held or its period is over). <c>seriesId</c> and <c>title</c>: the series (issue 22) the holding
/// booking is an occurrence of and its title, shown instead of the booker's name with a "series" badge (null otherwise).
/// </summary>
public sealed record ScheduleCellDto(string Start, string End, SlotStatus State, DateTimeOffset OpensAt,
    Guid? BookingId, string? BookedBy, DateTimeOffset? Since, long Version = 0, int Waiting = 0, Guid? SeriesId = null, string? Title = null);
