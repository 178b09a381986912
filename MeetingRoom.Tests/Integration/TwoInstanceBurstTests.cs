using System.Net;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// B1 across instances: two apps on one database (as behind a load balancer) each take half of a burst on the
/// same slot. Each instance lets one attempt per slot through at a time, so the two winners of the instances meet
/// only in the database: its unique filtered index must let exactly one of them commit (on SQLite and PostgreSQL).
/// </summary>
public sealed class TwoInstanceBurstTests
{
    private const int MembersPerInstance = 40;
    private const int Slots = 8;

    [Fact]
    public async Task A_burst_split_over_two_instances_gives_exactly_one_booking_per_slot()
    {
        var folder = Path.Combine(Path.GetTempPath(), "meetingroom-tests", Guid.NewGuid().ToString("N"));
        using var first = new MeetingRoomFactory { Folder = folder }; // disposed last: removes the database
        var admin = await first.SignInNewAsync(admin: true);
        await (await admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 0, maxPerDay = 0, maxUpcoming = 0 })).ShouldBe(HttpStatusCode.OK);
        var rooms = new int[Slots];
        for (var i = 0; i < Slots; i++) rooms[i] = await admin.CreateRoomAsync($"Two instances {i}");
        var members = new List<ApiClient>();
        for (var i = 0; i < MembersPerInstance; i++) members.Add(await first.SignInNewAsync(name: $"First {i}"));

        // Started after the limits changed (no stale rules); disposed first, leaving the database to the first.
        using var second = new MeetingRoomFactory { Folder = folder, KeepDatabase = true };
        for (var i = 0; i < MembersPerInstance; i++) members.Add(await second.SignInAsync(await NewAccountOn(second, i), Password));

        foreach (var room in rooms)
        {
            var answers = await Burst.RunAsync(members.Select(m => (Func<Task<HttpResponseMessage>>)(() => m.BookAsync(room, Today, "10:00"))));

            Assert.DoesNotContain(answers, a => (int)a.Status >= 500);
            Assert.Equal(1, answers.Count(a => a.Is(HttpStatusCode.Created)));
            Assert.Equal(members.Count - 1, answers.Count(a => a.Is(HttpStatusCode.Conflict, "slot-taken")));
        }

        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var activePerSlot = await db.Bookings.Where(b => BookingStates.Active.Contains(b.State))
            .GroupBy(b => b.RoomId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Slots, activePerSlot.Count);
        Assert.All(activePerSlot, count => Assert.Equal(1, count));
    }

    /// <summary>A member account made through the second instance (the first one's numbering would collide).</summary>
    private static async Task<string> NewAccountOn(MeetingRoomFactory app, int i)
    {
        var email = $"second{i}@test.local";
        await using var scope = app.Services.CreateAsyncScope();
        await Web.Infrastructure.Identity.UserAccounts.EnsureAsync(
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Infrastructure.Identity.AppUser>>(),
            email, $"Second {i}", Password, [Web.Infrastructure.Identity.Roles.Member], resetPassword: false);
        return email;
    }
}
