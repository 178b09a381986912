using System.Net;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// B1 under a burst: 200 distinct members press Book on the same slot at once; the database's unique
/// filtered index lets exactly one win. Repeated for 20 slots.
/// </summary>
public sealed class ConcurrentBookingTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private const int Members = 200;
    private const int Slots = 20;

    [Fact]
    public async Task Two_hundred_simultaneous_requests_for_one_slot_give_exactly_one_booking_for_each_of_twenty_slots()
    {
        var admin = await app.SignInNewAsync(admin: true);
        // The same members burst on every slot of one period: this test is about one booking per slot, not the
        // per-member limits (LimitBurstTests), so those are off here.
        await (await admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 0, maxPerDay = 0, maxUpcoming = 0 })).ShouldBe(HttpStatusCode.OK);
        var members = new ApiClient[Members];
        for (var i = 0; i < Members; i++) members[i] = await app.SignInNewAsync();
        var rooms = new int[Slots];
        for (var i = 0; i < Slots; i++) rooms[i] = await admin.CreateRoomAsync($"Burst room {i}");

        foreach (var room in rooms)
        {
            var statuses = await BurstAsync(members, room);

            Assert.Equal(1, statuses.Count(s => s.Status == HttpStatusCode.Created));
            Assert.Equal(Members - 1, statuses.Count(s => s.Status == HttpStatusCode.Conflict && s.Type == "urn:meetingroom:problem:slot-taken"));
            Assert.DoesNotContain(statuses, s => (int)s.Status >= 500);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var activePerSlot = await db.Bookings
            .Where(b => b.State == BookingState.Confirmed || b.State == BookingState.PendingApproval || b.State == BookingState.InMeeting)
            .GroupBy(b => new { b.RoomId, b.Date, b.PeriodStart })
            .Select(g => g.Count())
            .ToListAsync();
        Assert.Equal(Slots, activePerSlot.Count);
        Assert.All(activePerSlot, count => Assert.Equal(1, count));
    }

    /// <summary>Every member sends one request for the slot; all are released together by a gate.</summary>
    private static async Task<(HttpStatusCode Status, string? Type)[]> BurstAsync(ApiClient[] members, int room) =>
        (await Burst.RunAsync(members.Select(member => (Func<Task<HttpResponseMessage>>)(() => member.BookAsync(room, Today, "10:00")))))
        .Select(a => (a.Status, a.Problem is null ? null : $"urn:meetingroom:problem:{a.Problem}")).ToArray();
}
