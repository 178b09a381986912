using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Features.Insights;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Rooms;

/// <summary>
/// Registering, editing, listing and deleting rooms (R1, R2), and taking them out of service and back (R3). The time a
/// room spends out of service is kept as a <see cref="RoomServiceInterval"/> (issue 23: excluded from bookable time),
/// opened and closed in the same transaction as the room's change.
/// </summary>
public sealed class RoomService(AppDbContext db, TimeProvider clock)
{
    /// <summary>Rooms in service or out, not deleted, by floor then name.</summary>
    public async Task<IReadOnlyList<RoomDto>> ListAsync(CancellationToken ct = default)
    {
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.DeletedAt == null)
            .OrderBy(r => r.Floor).ThenBy(r => r.Name).ToListAsync(ct);
        return rooms.Select(RoomDto.From).ToList();
    }

    /// <summary>Problem: unknown-room.</summary>
    public async Task<AppResult<RoomDto>> GetAsync(int id, CancellationToken ct = default) =>
        await FindAsync(id, ct) is { } room ? RoomDto.From(room) : BookingRefusal.UnknownRoom;

    /// <summary>Registers a room with its equipment. Problems: invalid-input (field errors), room-name-taken.</summary>
    public async Task<AppResult<RoomDto>> CreateAsync(RoomRequest request, CancellationToken ct = default)
    {
        Room room;
        try
        {
            var (name, floor, capacity, equipment) = Validate(request);
            room = Room.Register(name, floor, capacity, equipment, request.RequiresApproval ?? false, clock.GetUtcNow(),
                await db.SiteSettings.Select(s => s.Version).FirstOrDefaultAsync(ct)); // the settings in force, as a settings save stamps every room
        }
        catch (DomainValidationException e)
        {
            return AppProblem.From(e);
        }
        db.Rooms.Add(room);
        return await SaveAsync(room, ct);
    }

    /// <summary>Edits a room and replaces its equipment. Problems: unknown-room, invalid-input, room-name-taken.</summary>
    public async Task<AppResult<RoomDto>> UpdateAsync(int id, RoomRequest request, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is not { } room) return BookingRefusal.UnknownRoom;
        try
        {
            var (name, floor, capacity, equipment) = Validate(request);
            room.Update(name, floor, capacity, equipment, request.RequiresApproval ?? room.RequiresApproval, clock.GetUtcNow());
        }
        catch (DomainValidationException e)
        {
            return AppProblem.From(e);
        }
        return await SaveAsync(room, ct);
    }

    /// <summary>
    /// Deletes a room (R2): its active and future bookings are cancelled (each booker is notified) and the places still
    /// in line for its slots are removed (<see cref="WaitlistEntry.RemoveForDeletedRoom"/>: each member is notified, issue 25)
    /// in the same transaction, then the room is marked deleted so that past bookings keep their
    /// room; a room out of service ends its out-of-service interval then. A booking or place racing it never lands on the
    /// deleted room (<see cref="ChangeHeldRoomAsync"/>). Problems: admin-only, unknown-room.
    /// </summary>
    public async Task<AppResult<RoomDto>> DeleteAsync(Actor admin, int id, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        return await ChangeHeldRoomAsync(id, async (room, now) =>
        {
            await CancelActiveBookingsAsync(admin, room, CancellationCause.RoomDeleted, null, now, ct);
            await RemoveWaitingPlacesAsync(admin, room, now, ct);
            if (room.IsOutOfService) await CloseServiceIntervalAsync(room, now, ct);
            room.Delete(now);
            return null;
        }, ct);
    }

    /// <summary>
    /// Runs <paramref name="change"/> on the room (given it and now; a problem it returns is answered, nothing saved) and saves,
    /// in one transaction that takes the room's row first (its version moves on): a booking or waitlist place checked against
    /// the room saves only if the room is unchanged, so it either committed before (and <paramref name="change"/> reads it) or
    /// is refused and decided again against the changed room. Problems: unknown-room, conflict (changed meanwhile).
    /// </summary>
    private async Task<AppResult<RoomDto>> ChangeHeldRoomAsync(int id, Func<Room, DateTimeOffset, Task<AppProblem?>> change, CancellationToken ct)
    {
        var gate = db.WriteGate(); // SQLite: one writer for the whole transaction
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.Rooms.Where(r => r.Id == id && r.DeletedAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.Version, r => r.Version + 1), ct) == 0)
                return BookingRefusal.UnknownRoom;
            if (await FindAsync(id, ct) is not { } room) return BookingRefusal.UnknownRoom;
            if (await change(room, clock.GetUtcNow()) is { } refused) return refused; // rolled back on dispose
            var saved = await SaveOrConflictAsync(room, ct);
            if (saved.IsOk) await tx.CommitAsync(ct);
            return saved;
        }
        finally { gate?.Release(); }
    }

    /// <summary>
    /// Takes a room out of service (R3) with a reason members are shown: its active and future
    /// bookings (meetings in progress included) are cancelled in the same transaction, each booker is
    /// notified with the reason, and the schedule shows the room out of service. Past bookings stay as
    /// they were. Taking it out again only replaces the reason. A room that was in service opens a
    /// <see cref="RoomServiceInterval"/> from now, saved with the room. A booking racing it never lands on the room out of
    /// service (the room's row is taken first, see <see cref="ChangeHeldRoomAsync"/>).
    /// Problems: admin-only, unknown-room, invalid-input ("reason" blank).
    /// </summary>
    public async Task<AppResult<RoomDto>> TakeOutOfServiceAsync(Actor admin, int id, string? reason, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        return await ChangeHeldRoomAsync(id, async (room, now) =>
        {
            var wasInService = !room.IsOutOfService;
            try
            {
                room.TakeOutOfService(reason ?? "", now);
            }
            catch (DomainValidationException e)
            {
                return AppProblem.From(e);
            }
            await CancelActiveBookingsAsync(admin, room, CancellationCause.RoomOutOfService, room.OutOfServiceReason!, now, ct);
            if (wasInService) db.RoomServiceIntervals.Add(new RoomServiceInterval { RoomId = room.Id, From = now });
            return null;
        }, ct);
    }

    /// <summary>
    /// Returns a room to service (R3): bookable again, and its open <see cref="RoomServiceInterval"/> ends now (saved with the
    /// room). Idempotent. Problems: admin-only, unknown-room.
    /// </summary>
    public async Task<AppResult<RoomDto>> ReturnToServiceAsync(Actor admin, int id, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (await FindAsync(id, ct) is not { } room) return BookingRefusal.UnknownRoom;
        var now = clock.GetUtcNow();
        if (room.IsOutOfService) await CloseServiceIntervalAsync(room, now, ct);
        room.ReturnToService(now);
        return await SaveOrConflictAsync(room, ct);
    }

    /// <summary>Cancels (tracked, not yet saved) every booking of the room that is active and whose period has not ended.</summary>
    private async Task CancelActiveBookingsAsync(Actor admin, Room room, CancellationCause cause, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        var active = await db.Bookings
            .Where(b => b.RoomId == room.Id && BookingStates.Active.Contains(b.State) && b.EndsAt > now)
            .ToListAsync(ct);
        foreach (var booking in active) booking.CancelForRoom(admin, cause, reason, now);
    }

    /// <summary>
    /// Removes (tracked, not yet saved) every place in line for a slot of the room whose period has not ended. Taking a room
    /// out of service keeps them: a slot of a room out of service may be waited for and is handed over when it is back.
    /// </summary>
    private async Task RemoveWaitingPlacesAsync(Actor admin, Room room, DateTimeOffset now, CancellationToken ct)
    {
        var places = await db.WaitlistEntries
            .Where(w => w.RoomId == room.Id && w.State == WaitlistState.Waiting && w.EndsAt > now)
            .ToListAsync(ct);
        foreach (var place in places) place.RemoveForDeletedRoom(admin, now);
    }

    /// <summary>Ends (tracked, not yet saved) the room's open out-of-service interval at <paramref name="now"/>.</summary>
    private async Task CloseServiceIntervalAsync(Room room, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var open in await db.RoomServiceIntervals.Where(i => i.RoomId == room.Id && i.To == null).ToListAsync(ct))
            open.To = now;
    }

    private Task<Room?> FindAsync(int id, CancellationToken ct) =>
        db.Rooms.FirstOrDefaultAsync(r => r.Id == id && r.DeletedAt == null, ct);

    /// <summary>Checks required fields and the room rules together, so every field's error is reported at once.</summary>
    private static (string Name, int Floor, int Capacity, List<EquipmentItem> Equipment) Validate(RoomRequest request)
    {
        var equipment = (request.Equipment ?? []).Select(e => e is null
            ? throw new DomainValidationException("equipment", new DomainMessage("EquipmentLineEmpty", "An equipment line is empty."))
            : new EquipmentItem(e.Name, e.Quantity)).ToList();
        var errors = new ValidationErrors()
            .AddIf(request.Floor is null, "floor", new DomainMessage("FloorRequired", "Give the floor."))
            .AddIf(request.Capacity is null, "capacity", new DomainMessage("CapacityRequired", "Give the capacity (people)."));
        Room.Validate(request.Name, request.Floor ?? 0, request.Capacity ?? 1, equipment, errors).ThrowIfAny();
        return (request.Name!, request.Floor!.Value, request.Capacity!.Value, equipment);
    }

    private async Task<AppResult<RoomDto>> SaveAsync(Room room, CancellationToken ct)
    {
        var nameTaken = await db.Rooms.AnyAsync(r => r.Id != room.Id && r.DeletedAt == null && r.Name.ToLower() == room.Name.ToLower(), ct);
        if (nameTaken) return NameTaken(room.Name);
        try
        {
            return await SaveOrConflictAsync(room, ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return NameTaken(room.Name);
        }
    }

    /// <summary>
    /// Saves; when the room, or one of the bookings being cancelled, changed meanwhile (someone else
    /// edited it, a member checked in), answers conflict so the admin reloads and tries again.
    /// </summary>
    private async Task<AppResult<RoomDto>> SaveOrConflictAsync(Room room, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return RoomDto.From(room);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AppProblem.Conflict(ProblemCodes.Conflict, ProblemText.Get("TitleConflict"), ProblemText.Get("RoomChangedMeanwhile"));
        }
    }

    private static AppProblem NameTaken(string name) => new(ProblemCodes.RoomNameTaken, 409, ProblemText.Get("TitleRoomNameTaken"),
        ProblemText.Get("RoomNameTaken", name), new Dictionary<string, string[]> { ["name"] = [ProblemText.Get("RoomNameTaken", name)] });
}
