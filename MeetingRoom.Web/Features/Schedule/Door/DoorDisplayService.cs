using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule.Door;

/// <summary>Door displays (D1): admins create them per room and revoke them; a door page finds its room by token.</summary>
public sealed class DoorDisplayService(AppDbContext db, TimeProvider clock)
{
    public const string PathPrefix = "/door/";

    /// <summary>Creates a door display of a room. Problems: admin-only, unknown-room.</summary>
    public async Task<AppResult<DoorDisplayCreated>> CreateAsync(Actor admin, int roomId, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (!await RoomExistsAsync(roomId, ct)) return BookingRefusal.UnknownRoom;
        var (display, token) = DoorDisplay.Create(roomId, clock.GetUtcNow());
        db.DoorDisplays.Add(display);
        await db.SaveChangesAsync(ct);
        return new DoorDisplayCreated(display.Id, PathPrefix + token);
    }

    /// <summary>The room's door displays that are not revoked, oldest first. Problem: unknown-room.</summary>
    public async Task<AppResult<IReadOnlyList<DoorDisplayDto>>> ListAsync(int roomId, CancellationToken ct = default)
    {
        if (!await RoomExistsAsync(roomId, ct)) return BookingRefusal.UnknownRoom;
        var list = await db.DoorDisplays.AsNoTracking().Where(d => d.RoomId == roomId && d.RevokedAt == null)
            .OrderBy(d => d.Id).ToListAsync(ct);
        return list.Select(d => new DoorDisplayDto(d.Id, d.RoomId, d.CreatedAt, d.RevokedAt)).ToList();
    }

    /// <summary>Revokes a door display: its URL shows nothing from now on. Problems: admin-only, unknown-door-display.</summary>
    public async Task<AppResult<DoorDisplayDto>> RevokeAsync(Actor admin, int id, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (await db.DoorDisplays.FirstOrDefaultAsync(d => d.Id == id && d.RevokedAt == null, ct) is not { } display)
            return UnknownDoorDisplay;
        display.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new DoorDisplayDto(display.Id, display.RoomId, display.CreatedAt, display.RevokedAt);
    }

    /// <summary>The room shown by an active door display's token, or null (unknown, revoked, or its room deleted).</summary>
    public async Task<int?> RoomOfTokenAsync(string? token, CancellationToken ct = default)
    {
        if (!DoorDisplay.LooksLikeToken(token)) return null;
        var hash = DoorDisplay.HashOf(token!);
        return await (from d in db.DoorDisplays.AsNoTracking()
                      join r in db.Rooms.AsNoTracking() on d.RoomId equals r.Id
                      where d.TokenHash == hash && d.RevokedAt == null && r.DeletedAt == null
                      select (int?)d.RoomId).FirstOrDefaultAsync(ct);
    }

    private Task<bool> RoomExistsAsync(int roomId, CancellationToken ct) =>
        db.Rooms.AnyAsync(r => r.Id == roomId && r.DeletedAt == null, ct);

    public static AppProblem UnknownDoorDisplay =>
        AppProblem.NotFound(ProblemCodes.UnknownDoorDisplay, ProblemText.Get("UnknownDoorDisplay"));
}
