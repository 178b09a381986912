using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The database itself is the arbiter of "one active booking per slot" (B1): written straight to SQLite,
/// past any check in the service, a second active booking of a slot is rejected by the unique filtered
/// index, while an inactive one is accepted. The same holds for a member's booking-limit places (F1) and
/// waitlist places (F3).
/// </summary>
public sealed class UniqueIndexTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T01:05:00Z");

    private async Task<(AppDbContext Db, AsyncServiceScope Scope, Room Room, Slot Slot)> ArrangeAsync()
    {
        var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var room = Room.Register($"Index room {Guid.NewGuid():N}", 1, 4, [], false, DateTimeOffset.UtcNow);
        db.Rooms.Add(room);
        await db.SaveChangesAsync();
        return (db, scope, room, Timetable.Default.SlotFor(room.Id, new DateOnly(2026, 11, 23), Timetable.DefaultPeriods[1]));
    }

    private static Booking Place(Room room, Slot slot, string member) =>
        Booking.Place(room, slot, new BookingWindow(slot.StartsAt.AddDays(-1), slot.EndsAt), new MemberId(member), member, Now).Value!;

    [Fact]
    public async Task A_second_active_booking_of_a_slot_is_rejected_by_the_index()
    {
        var (db, scope, room, slot) = await ArrangeAsync();
        await using var _ = scope;
        db.Bookings.Add(Place(room, slot, "first"));
        await db.SaveChangesAsync();

        db.Bookings.Add(Place(room, slot, "second"));
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(DbErrors.IsUniqueViolation(e));
    }

    /// <summary>A booking within the default limits, as if its member held nothing: it takes place 1 of each limit.</summary>
    private static Booking PlaceWithinLimits(Room room, Slot slot, string member) =>
        Booking.Place(room, slot, new BookingWindow(slot.StartsAt.AddDays(-1), slot.EndsAt), Actor.Member(member), member, Now,
            BookingLimits.Default, []).Value!;

    [Fact]
    public async Task A_second_booking_of_a_member_taking_the_same_limit_place_is_rejected_by_the_index()
    {
        var (db, scope, room, slot) = await ArrangeAsync();
        await using var _ = scope;
        var (_, otherScope, otherRoom, otherSlot) = await ArrangeAsync();
        await using var __ = otherScope;
        db.Bookings.Add(PlaceWithinLimits(room, slot, "greedy"));
        await db.SaveChangesAsync();

        db.Bookings.Add(PlaceWithinLimits(otherRoom, otherSlot, "greedy"));
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(DbErrors.IsUniqueViolation(e));
    }

    [Fact]
    public async Task A_second_waiting_place_of_a_member_for_one_slot_is_rejected_by_the_index()
    {
        var (db, scope, room, slot) = await ArrangeAsync();
        await using var _ = scope;
        // The slot is really held: on a free slot the waitlist hand-over (a background outbox handler) would serve
        // the first place meanwhile, and the second would then rightly be accepted (a race seen under load).
        db.Bookings.Add(Place(room, slot, "holder"));
        await db.SaveChangesAsync();
        WaitlistEntry Join() => WaitlistEntry.Join(room, slot, new BookingWindow(slot.StartsAt.AddDays(-1), slot.EndsAt), new MemberId("holder"),
            Actor.Member("patient"), "patient", Now, BookingLimits.Default, []).Value!;
        db.WaitlistEntries.Add(Join());
        await db.SaveChangesAsync();

        db.WaitlistEntries.Add(Join());
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(DbErrors.IsUniqueViolation(e));
    }

    [Fact]
    public async Task A_cancelled_booking_does_not_hold_the_slot_in_the_index()
    {
        var (db, scope, room, slot) = await ArrangeAsync();
        await using var _ = scope;
        var first = Place(room, slot, "first");
        first.Cancel(Actor.Member("first"), null, Now);
        db.Bookings.Add(first);
        await db.SaveChangesAsync();

        db.Bookings.Add(Place(room, slot, "second"));
        await db.SaveChangesAsync();

        Assert.Equal(2, await db.Bookings.CountAsync(b => b.RoomId == room.Id));
    }
}
