using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Schedule;

/// <summary>The projection on a real SQLite database: idempotent under duplicate delivery, safe under out-of-order delivery.</summary>
public sealed class ScheduleProjectionTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-23T01:05:00Z");
    private static int _room = 10_000;

    private static Slot NewSlot() => Timetable.Default.SlotFor(Interlocked.Increment(ref _room), new DateOnly(2026, 11, 23), Timetable.DefaultPeriods[1]);

    private async Task<ScheduleSlotRow> ApplyAsync(params (long Id, IDomainEvent Event)[] deliveries)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var projection = scope.ServiceProvider.GetRequiredService<ScheduleProjection>();
        foreach (var (id, e) in deliveries)
        {
            await projection.ApplyAsync(db, id, e, default);
            await db.SaveChangesAsync();
        }
        var slot = ScheduleProjection.SlotOf(deliveries[0].Event) ?? throw new InvalidOperationException();
        return (await db.ScheduleSlots.FindAsync(slot.Date, slot.RoomId, slot.Period.Start))!;
    }

    private static BookingPlaced Placed(Slot slot, Guid id) => new(id, slot, new MemberId("m1"), "Minji", BookingState.Confirmed, At);

    [Fact]
    public async Task A_duplicate_delivery_is_applied_once()
    {
        var slot = NewSlot();
        var id = Guid.NewGuid();
        var started = new MeetingStarted(id, slot, new MemberId("m1"), At);

        var row = await ApplyAsync((1_000_001, Placed(slot, id)), (1_000_002, started), (1_000_002, started), (1_000_001, Placed(slot, id)));

        Assert.Equal(BookingState.InMeeting, row.ActiveState);
        Assert.Equal(1_000_002, row.Version);
    }

    [Fact]
    public async Task Joins_count_up_and_a_leave_or_a_hand_over_counts_down_once_each()
    {
        var slot = NewSlot();
        var joined = new WaitlistJoined(slot, new MemberId("w1"), At);
        var left = new WaitlistLeft(1, slot, new MemberId("w1"), At);

        var row = await ApplyAsync((1_000_101, joined), (1_000_102, joined with { Member = new MemberId("w2") }), (1_000_103, left),
            (1_000_103, left), (1_000_104, new WaitlistServed(2, Guid.NewGuid(), slot, new MemberId("w2"), BookingState.Confirmed, At)));

        Assert.Equal(0, row.Waiting);
    }

    [Fact]
    public async Task An_older_event_delivered_after_a_newer_one_is_ignored()
    {
        var slot = NewSlot();
        var id = Guid.NewGuid();

        var row = await ApplyAsync(
            (2_000_001, Placed(slot, id)),
            (2_000_003, new BookingCancelled(id, slot, new MemberId("m1"), new MemberId("m1"), false, null, At)),
            (2_000_002, new MeetingStarted(id, slot, new MemberId("m1"), At)));

        Assert.Null(row.ActiveState);
        Assert.Equal(2_000_003, row.Version);
    }

    [Fact]
    public async Task Events_of_an_earlier_booking_do_not_touch_the_slots_new_booking()
    {
        var slot = NewSlot();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        var row = await ApplyAsync(
            (3_000_001, Placed(slot, first)),
            (3_000_002, new BookingCancelled(first, slot, new MemberId("m1"), new MemberId("m1"), false, null, At)),
            (3_000_003, Placed(slot, second)),
            (3_000_004, new BookingDenied(first, slot, new MemberId("m1"), new MemberId("admin"), "late", At)));

        Assert.Equal(second, row.ActiveBookingId);
        Assert.Equal(BookingState.Confirmed, row.ActiveState);
    }

    [Fact]
    public async Task Ending_early_marks_the_slot_free_again()
    {
        var slot = NewSlot();
        var id = Guid.NewGuid();

        var row = await ApplyAsync(
            (4_000_001, Placed(slot, id)),
            (4_000_002, new MeetingStarted(id, slot, new MemberId("m1"), At)),
            (4_000_003, new MeetingEnded(id, slot, new MemberId("m1"), true, At.AddMinutes(20))));

        Assert.Null(row.ActiveBookingId);
        Assert.True(row.EndedEarly);
    }
}
