using System.Collections.Concurrent;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Schedule;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// Answers a booking request slot-taken from memory when it can (F2): the slot is known held
/// (<see cref="HeldSlots"/>), or becomes so once the attempt at it under way in this instance is over
/// (<see cref="SlotTurns"/>), and the ordinary path would answer slot-taken too. No database, no scoped services:
/// the API asks it before the booking service (and its database context) is even created. Singleton.
/// </summary>
public sealed class KnownTakenSlots(HeldSlots held, SlotTurns turns, SiteRulesProvider rules, TimeProvider clock)
{
    /// <summary>Whether <paramref name="request"/> can be answered slot-taken now; false means: ask the database.</summary>
    public async ValueTask<bool> IsTakenAsync(BookRequest request, CancellationToken ct)
    {
        if (!TryKey(request, out var key)) return false;
        if (await IsKnownHeldAsync(key, ct)) return true;
        if (turns.Running(key) is not { } attempt) return false;
        await turns.WaitForAsync(attempt, ct); // another request of this instance is booking the slot: its outcome decides
        return await IsKnownHeldAsync(key, ct);
    }

    /// <summary>The slot a request names, when its fields can be read (otherwise the ordinary path answers).</summary>
    public static bool TryKey(BookRequest request, out SlotKey key)
    {
        key = default;
        if (request.RoomId is not { } roomId || !TimeInput.TryParseDate(request.Date, out var date) || !TimeInput.TryParse(request.Start, out var start))
            return false;
        key = new SlotKey(date, roomId, start);
        return true;
    }

    /// <summary>
    /// Known held, and the ordinary path's answer would be slot-taken too: the period exists, is not over, and its
    /// window is open, against the rules in force (a room deleted or out of service has no known-held slots).
    /// </summary>
    public async ValueTask<bool> IsKnownHeldAsync(SlotKey key, CancellationToken ct)
    {
        if (!held.IsHeld(key)) return false;
        var site = await rules.GetAsync(ct);
        if (site.Timetable.FindPeriod(key.Start) is not { } period) return false;
        var slot = site.Timetable.SlotFor(key.RoomId, key.Date, period);
        var now = clock.GetUtcNow();
        return !slot.IsOverAt(now) && now >= site.WindowFor(slot).OpensAt;
    }
}
