using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary><c>GET /api/schedule?date=YYYY-MM-DD</c>: every room (by floor) × every period.</summary>
public sealed record ScheduleDto(DateOnly Date, string TimeZone, DateTimeOffset Now, IReadOnlyList<PeriodDto> Periods, IReadOnlyList<ScheduleRoomDto> Rooms);
