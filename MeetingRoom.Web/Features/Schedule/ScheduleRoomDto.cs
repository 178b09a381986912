using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule;

public sealed record ScheduleRoomDto(int RoomId, string Name, int Floor, int Capacity, IReadOnlyList<string> Equipment,
    bool RequiresApproval, IReadOnlyList<ScheduleCellDto> Cells);
