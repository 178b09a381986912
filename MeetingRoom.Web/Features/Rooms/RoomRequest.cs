using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Rooms;

/// <summary><c>POST/PUT /api/rooms</c> body. Name, floor and capacity are required.</summary>
public sealed record RoomRequest(string? Name, int? Floor, int? Capacity, IReadOnlyList<EquipmentDto>? Equipment, bool? RequiresApproval);
