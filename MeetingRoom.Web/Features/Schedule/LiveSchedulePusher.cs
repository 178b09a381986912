using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>Configuration section "Instance".</summary>
public sealed class InstanceOptions
{
    public const string Section = "Instance";
    /// <summary>This instance's name, unique among the instances sharing a database (default: the machine name).</summary>
    public string Name { get; set; } = Environment.MachineName;
}

/// <summary>
/// Tells this instance's screens what changed on the schedule (S3) — bookings, rooms registered, edited,
/// deleted, out of service or back, windows opening and closing: for every event, once the schedule read model
/// holds it (<see cref="RunsAfter"/>: the schedule projection only, so a failing notification side never holds up
/// a board, N2), publishes the changed slots' current state to <see cref="ScheduleNotifier"/> (Blazor
/// components and the hub). Its cursor is this process's own, in memory, so with several instances behind a
/// load balancer every instance pushes to its own connections; it starts at the newest event (screens load a
/// snapshot when they connect). The bells are <see cref="Notifications.LiveInboxPusher"/>'s job.
/// </summary>
public sealed class LiveSchedulePusher(ScheduleQuery query, ScheduleNotifier schedule,
    SiteRulesProvider rules, TimeProvider clock, Microsoft.Extensions.Options.IOptions<InstanceOptions> instance) : IOutboxHandler
{
    /// <summary>How many days from today a room's status change is pushed for (screens show today and the days ahead).</summary>
    public const int RoomChangeDays = 7;

    private readonly HashSet<SlotKey> _slots = [];
    private bool _roomsChanged;

    public string Name => $"push:{instance.Value.Name}";

    public IReadOnlyList<string> RunsAfter { get; } = [ScheduleProjection.HandlerName];

    public bool StoresCursor => false;

    public async Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (ScheduleProjection.SlotOf(domainEvent) is { } slot)
        {
            _slots.Add(new SlotKey(slot.Date, slot.RoomId, slot.Period.Start));
            return;
        }
        switch (domainEvent)
        {
            case RoomRegistered or RoomEdited or RoomDeleted:
                _roomsChanged = true; // the rooms shown (their names, floors, order) changed: screens reload
                break;
            case IRoomEvent room: // out of service or back (edited and deleted are matched above)
            {
                // The room's status is read with the room: every slot of it looks different now.
                var roomId = room.RoomId;
                var site = await rules.GetAsync(ct);
                var today = site.LocalDate(clock.GetUtcNow());
                for (var d = 0; d < RoomChangeDays; d++)
                    foreach (var period in site.Timetable.Periods)
                        _slots.Add(new SlotKey(today.AddDays(d), roomId, period.Start));
                break;
            }
            case BookingWindowsPassed passed:
            {
                var roomIds = await db.Rooms.AsNoTracking().Where(r => r.DeletedAt == null).Select(r => r.Id).ToListAsync(ct);
                foreach (var p in passed.Periods)
                    foreach (var roomId in roomIds)
                        _slots.Add(new SlotKey(p.Date, roomId, p.Start));
                break;
            }
        }
    }

    public async Task AfterCommitAsync(CancellationToken ct)
    {
        if (_slots.Count > 0 || _roomsChanged)
            await schedule.PublishAsync(new ScheduleUpdate(_slots.Count > 0 ? await query.ChangesAsync(_slots, ct) : [], _roomsChanged));
    }
}
