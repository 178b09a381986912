using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Rooms;

/// <summary>A room holding some of a kind of equipment.</summary>
public sealed record EquipmentRoomDto(int RoomId, string RoomName, int Floor, int Quantity, bool IsOutOfService);

/// <summary>One kind of equipment across the site (R4): total quantity (64-bit: a sum over every room) and the rooms that have it.</summary>
public sealed record EquipmentKindDto(string Name, long Total, IReadOnlyList<EquipmentRoomDto> Rooms);

/// <summary>The equipment inventory: which rooms have what (R4). Names are grouped case-insensitively.</summary>
public sealed class EquipmentInventory(AppDbContext db)
{
    public async Task<IReadOnlyList<EquipmentKindDto>> GetAsync(CancellationToken ct = default)
    {
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.DeletedAt == null).ToListAsync(ct);
        return rooms
            .SelectMany(r => r.Equipment.Select(e => (Item: e, Room: r)))
            .GroupBy(x => x.Item.Name, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new EquipmentKindDto(g.First().Item.Name, g.Sum(x => (long)x.Item.Quantity),
                g.OrderBy(x => x.Room.Floor).ThenBy(x => x.Room.Name)
                    .Select(x => new EquipmentRoomDto(x.Room.Id, x.Room.Name, x.Room.Floor, x.Item.Quantity, x.Room.IsOutOfService)).ToList()))
            .ToList();
    }

    /// <summary>The distinct equipment names, for the Book page filter.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken ct = default) =>
        (await GetAsync(ct)).Select(k => k.Name).ToList();
}

public static class EquipmentEndpoints
{
    /// <summary><c>GET /api/equipment</c> (members): the inventory.</summary>
    public static IEndpointRouteBuilder MapEquipmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/equipment", async (EquipmentInventory inventory, CancellationToken ct) => TypedResults.Ok(await inventory.GetAsync(ct)))
            .RequireMember().WithTags("Rooms");
        return app;
    }
}
