using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// Keeps the schedule read model (<see cref="ScheduleSlotRow"/>) up to date from booking events
/// (requirement S2). Idempotent and order-safe: an event whose outbox id is not above the row's
/// version was already applied and is ignored. Pushing the change to screens is
/// <see cref="LiveSchedulePusher"/>'s job, on every instance, once this handler has applied it: the rows this handler
/// wrote (or found already applied) are published to it (<see cref="IPublishesChanges"/>), so the instance that
/// applied a change pushes it without a query. Scoped: one instance per change feed pass.
/// </summary>
public sealed class ScheduleProjection : IOutboxHandler, IPublishesChanges
{
    public const string HandlerName = "schedule";

    private readonly Dictionary<SlotKey, ScheduleSlotRow> _touched = [];

    public string Name => HandlerName;

    /// <summary>The <see cref="ScheduleSlotRow"/>s of the slots the events since the last call were about, as saved.</summary>
    public IReadOnlyList<object> TakePublished()
    {
        var rows = _touched.Values.ToList<object>();
        _touched.Clear();
        return rows;
    }

    public async Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (SlotOf(domainEvent) is not { } slot) return;
        var key = new SlotKey(slot.Date, slot.RoomId, slot.Period.Start);
        var row = await db.ScheduleSlots.FindAsync([key.Date, key.RoomId, key.Start], ct);
        if (row is null)
            db.ScheduleSlots.Add(row = new ScheduleSlotRow { Date = key.Date, RoomId = key.RoomId, PeriodStart = key.Start });
        _touched[key] = row;
        if (messageId <= row.Version) return; // already applied (redelivery or out of order)

        Apply(row, domainEvent);
        row.Version = messageId;
    }

    public Task AfterCommitAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The read-model effect of one event on its slot's row.</summary>
    public static void Apply(ScheduleSlotRow row, IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case BookingPlaced e:
                row.ActiveBookingId = e.BookingId;
                row.ActiveState = e.State;
                row.BookedByName = e.BookedByName;
                row.SeriesId = e.SeriesId;
                row.Title = e.Title;
                row.Since = null;
                break;
            case BookingDetailsChanged e when row.ActiveBookingId == e.BookingId: // a series occurrence retitled or given to another booker
                row.BookedByName = e.BookedByName;
                row.SeriesId = e.SeriesId;
                row.Title = e.Title;
                break;
            case BookingApproved e when row.ActiveBookingId == e.BookingId:
                row.ActiveState = BookingState.Confirmed;
                break;
            case MeetingStarted e when row.ActiveBookingId == e.BookingId:
                row.ActiveState = BookingState.InMeeting;
                row.Since = e.OccurredAt;
                break;
            case MeetingEnded e when row.ActiveBookingId == e.BookingId:
                Free(row);
                row.EndedEarly |= e.EndedEarly;
                break;
            case BookingCancelled e when row.ActiveBookingId == e.BookingId:
                Free(row);
                break;
            case BookingDenied e when row.ActiveBookingId == e.BookingId:
                Free(row);
                break;
            case BookingReleased e when row.ActiveBookingId == e.BookingId:
                Free(row);
                row.EndedEarly = true; // free again for the rest of the period
                break;
            case WaitlistJoined:
                row.Waiting++;
                break;
            case WaitlistLeft or WaitlistServed:
                row.Waiting = Math.Max(0, row.Waiting - 1);
                break;
        }
    }

    /// <summary>
    /// The read model as it should be, computed from the write model (the bookings): used to check
    /// the projection and to rebuild it.
    /// </summary>
    public static async Task<List<ScheduleSlotRow>> FromWriteModelAsync(AppDbContext db, CancellationToken ct = default)
    {
        var bookings = (await db.Bookings.AsNoTracking().ToListAsync(ct)).ToLookup(b => new SlotKey(b.Date, b.RoomId, b.PeriodStart));
        var waitlists = (await db.WaitlistEntries.AsNoTracking().ToListAsync(ct)).ToLookup(w => new SlotKey(w.Date, w.RoomId, w.PeriodStart));
        return bookings.Select(g => g.Key).Union(waitlists.Select(g => g.Key)).Select(key =>
        {
            var slot = bookings[key];
            var active = slot.FirstOrDefault(b => b.State.IsActive());
            return new ScheduleSlotRow
            {
                Date = key.Date, RoomId = key.RoomId, PeriodStart = key.Start,
                ActiveBookingId = active?.Id, ActiveState = active?.State, BookedByName = active?.BookedByName,
                SeriesId = active?.SeriesId, Title = active?.Title,
                Since = active?.State == BookingState.InMeeting ? active.StartedAt : null,
                EndedEarly = slot.Any(b => (b.State == BookingState.Ended && b.EndedAt < b.EndsAt) || b.State == BookingState.Released),
                Waiting = waitlists[key].Count(w => w.State == WaitlistState.Waiting),
            };
        }).ToList();
    }

    private static void Free(ScheduleSlotRow row)
    {
        row.ActiveBookingId = null;
        row.ActiveState = null;
        row.BookedByName = null;
        row.SeriesId = null;
        row.Title = null;
        row.Since = null;
    }

    /// <summary>The slot a slot event (<see cref="ISlotEvent"/>: a booking's or a waitlist's) is about, or null for other events.</summary>
    public static Slot? SlotOf(IDomainEvent e) => (e as ISlotEvent)?.Slot;
}
