using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Rooms;

/// <summary>A room as the API returns it.</summary>
public sealed record RoomDto(int Id, string Name, int Floor, int Capacity, IReadOnlyList<EquipmentDto> Equipment,
    bool RequiresApproval, bool IsOutOfService, string? OutOfServiceReason)
{
    public static RoomDto From(Room r) => new(r.Id, r.Name, r.Floor, r.Capacity,
        r.Equipment.Select(e => new EquipmentDto(e.Name, e.Quantity)).ToList(), r.RequiresApproval, r.IsOutOfService, r.OutOfServiceReason);
}
