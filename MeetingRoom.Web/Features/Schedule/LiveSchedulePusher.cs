using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Observability;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// Tells this instance's screens what changed on the schedule (S3) — bookings, rooms registered, edited, deleted, out
/// of service or back, windows opening and closing — as a subscriber of the instance's change feed, once the schedule
/// read model holds the change (<see cref="RunsAfter"/>: the schedule projection only, so a failing notification side
/// never holds up a board, N2): publishes the changed slots' current state to <see cref="ScheduleNotifier"/> (Blazor
/// components and the hub). Every instance pushes to its own connections, from the newest event at start-up (screens
/// load a snapshot when they connect). The bells are <see cref="Notifications.LiveInboxPusher"/>'s job.
/// <para>
/// Queries: none for booking events on the instance that applied the projection (it builds the changes from the rows
/// the projection published, the site rules and the rooms' out-of-service flags it keeps in memory). It reads the
/// rows once (one query) on an instance that did not apply the batch; it reloads the rooms (one query) after a room
/// was registered, edited, deleted, taken out of service or returned, and reads the room list for
/// <see cref="BookingWindowsPassed"/> (every room's slots change).
/// </para>
/// Each push is a span "push schedule" in the trace of each of its messages (<see cref="OutboxTracing.StartEach"/>)
/// and records the commit-to-push time of each message it pushed (<see cref="MeetingRoomMetrics.Pushed"/>; messages that change
/// no screen, such as a notification read, are not counted).
/// Singleton; called by the one feed loop.
/// </summary>
public sealed class LiveSchedulePusher(IServiceScopeFactory scopes, ScheduleNotifier schedule,
    SiteRulesProvider rules, TimeProvider clock, MeetingRoomMetrics metrics) : IChangeFeedSubscriber
{
    /// <summary>How many days from today a room's status change is pushed for (screens show today and the days ahead).</summary>
    public const int RoomChangeDays = 7;

    /// <summary>Room id → out of service, for the rooms not deleted; null until read, and after a room event.</summary>
    private Dictionary<int, bool>? _rooms;

    public string? RunsAfter => ScheduleProjection.HandlerName;

    public async Task OnChangesAsync(ChangeBatch batch, CancellationToken ct)
    {
        using var spans = OutboxTracing.StartEach("push schedule", batch.Entries);
        try { await PushAsync(batch, ct); }
        catch (Exception e) when (spans is not null)
        {
            spans.Failed(e);
            throw;
        }
    }

    private async Task PushAsync(ChangeBatch batch, CancellationToken ct)
    {
        var slots = new HashSet<SlotKey>();
        var roomsChanged = false;
        var allRooms = new List<BookingWindowsPassed>();
        var doorsRevoked = new List<int>();
        var pushed = new List<DateTimeOffset>(); // when each message pushed here was committed (others change no screen)
        foreach (var entry in batch.Entries)
        {
            var domainEvent = entry.Event;
            if (ScheduleProjection.SlotOf(domainEvent) is { } slot)
            {
                slots.Add(new SlotKey(slot.Date, slot.RoomId, slot.Period.Start));
                pushed.Add(domainEvent.OccurredAt);
                continue;
            }
            if (domainEvent is RoomRegistered or RoomEdited or RoomDeleted or DoorDisplayRevoked or IRoomEvent or BookingWindowsPassed)
                pushed.Add(domainEvent.OccurredAt);
            switch (domainEvent)
            {
                case RoomRegistered or RoomEdited or RoomDeleted:
                    roomsChanged = true; // the rooms shown (their names, floors, order) changed: screens reload
                    _rooms = null;
                    break;
                case DoorDisplayRevoked revoked:
                    doorsRevoked.Add(revoked.RoomId); // open door pages of the room check their token again
                    break;
                case IRoomEvent room: // out of service or back (edited, deleted and door displays are matched above)
                {
                    // The room's status is read with the room: every slot of it looks different now.
                    _rooms = null;
                    var roomId = room.RoomId;
                    var site = await rules.GetAsync(ct);
                    var today = site.LocalDate(clock.GetUtcNow());
                    for (var d = 0; d < RoomChangeDays; d++)
                        foreach (var period in site.Timetable.Periods)
                            slots.Add(new SlotKey(today.AddDays(d), roomId, period.Start));
                    break;
                }
                case BookingWindowsPassed passed:
                    allRooms.Add(passed);
                    break;
            }
        }
        if (slots.Count == 0 && allRooms.Count == 0 && !roomsChanged && doorsRevoked.Count == 0) return;

        var rows = batch.Published<ScheduleSlotRow>(ScheduleProjection.HandlerName)
            .ToDictionary(r => new SlotKey(r.Date, r.RoomId, r.PeriodStart));
        if (_rooms is null || allRooms.Count > 0 || slots.Any(k => !rows.ContainsKey(k)))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            _rooms ??= await db.Rooms.AsNoTracking().Where(r => r.DeletedAt == null).ToDictionaryAsync(r => r.Id, r => r.IsOutOfService, ct);
            foreach (var p in allRooms.SelectMany(w => w.Periods))
                foreach (var roomId in _rooms.Keys)
                    slots.Add(new SlotKey(p.Date, roomId, p.Start));
            var missing = slots.Where(k => !rows.ContainsKey(k)).ToList();
            if (missing.Count > 0)
                foreach (var (key, row) in await scope.ServiceProvider.GetRequiredService<ScheduleQuery>().RowsAsync(missing, ct))
                    rows.TryAdd(key, row);
        }
        var changes = slots.Count > 0 ? ScheduleQuery.Changes(await rules.GetAsync(ct), clock.GetUtcNow(), slots, _rooms, rows) : [];
        await schedule.PublishAsync(new ScheduleUpdate(changes, roomsChanged, doorsRevoked.Count > 0 ? doorsRevoked : null));
        var now = clock.GetUtcNow();
        foreach (var committed in pushed) metrics.Pushed(now - committed);
    }
}
