using System.Net;
using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The timetable's check and save are atomic against bookings made at the same moment (issue 25): bookings of a period race a
/// timetable change that removes it, and afterwards no active booking sits on a period the saved timetable lacks — the change
/// was refused listing bookings (timetable-in-use), or the bookings were refused (unknown-period). The database decides: the
/// save stamps every room's version before it checks, and a booking saves only if its room's version is unchanged.
/// SQLite, and PostgreSQL in the PostgreSQL run. Its own app: it changes the timetable.
/// </summary>
public sealed class TimetableRaceTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private const int Bookers = 30;
    private const int Rounds = 6;
    private static readonly object[] Base = [P("10:00", "11:50"), P("13:00", "14:50")];
    private static readonly object Raced = P("16:00", "16:50");

    private static object P(string start, string end) => new { start, end };

    [Fact]
    public async Task No_booking_is_left_on_a_period_that_a_timetable_change_racing_it_removed()
    {
        var admin = await app.SignInNewAsync(admin: true);
        await (await admin.PutAsync("/api/admin/booking-window", new { mode = "DailyAt", dailyAt = "00:00", daysBefore = 1, noShowMinutes = 0 }))
            .ShouldBe(HttpStatusCode.OK);
        var rooms = new int[Bookers];
        var members = new ApiClient[Bookers];
        for (var i = 0; i < Bookers; i++)
        {
            rooms[i] = await admin.CreateRoomAsync($"Race room {i}");
            members[i] = await app.SignInNewAsync();
        }

        for (var round = 0; round < Rounds; round++)
        {
            await (await admin.PutAsync("/api/admin/timetable", new { timeZone = "Asia/Seoul", periods = Base.Append(Raced) })).ShouldBe(HttpStatusCode.OK);
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var bookings = Enumerable.Range(0, Bookers).Select(i => Task.Run(async () =>
            {
                await go.Task;
                return await members[i].BookAsync(rooms[i], Today, "16:00");
            })).ToList();
            var afterOne = round % 2 == 1; // half the rounds: once one booking is in, the other 29 race the change (then refused)
            var change = Task.Run(async () =>
            {
                await go.Task;
                if (afterOne) await Task.WhenAny(bookings);
                return await admin.PutAsync("/api/admin/timetable", new { timeZone = "Asia/Seoul", periods = Base });
            });
            go.SetResult();
            await Task.WhenAll(bookings.Cast<Task>().Append(change));

            var changed = change.Result;
            if (changed.StatusCode != HttpStatusCode.OK || afterOne) await changed.ShouldBeProblem(HttpStatusCode.Conflict, "timetable-in-use");
            foreach (var booking in bookings)
                Assert.True(booking.Result.StatusCode is HttpStatusCode.Created or HttpStatusCode.NotFound, $"booking answered {booking.Result.StatusCode}");
            var periods = (await admin.GetJsonAsync<JsonElement>("/api/admin/timetable")).GetProperty("periods").EnumerateArray()
                .Select(p => (TimeOnly.Parse(p.GetProperty("start").GetString()!), TimeOnly.Parse(p.GetProperty("end").GetString()!))).ToHashSet();
            var active = await ActiveBookingsAsync(rooms);
            Assert.All(active, b => Assert.Contains((b.PeriodStart, b.PeriodEnd), periods));

            foreach (var (booking, i) in bookings.Select((b, i) => (b.Result, i)).Where(x => x.Result.StatusCode == HttpStatusCode.Created))
                await (await members[i].PostAsync($"/api/bookings/{(await booking.Json()).GetProperty("id").GetGuid()}/cancel")).ShouldBe(HttpStatusCode.OK);
        }
    }

    private async Task<List<Booking>> ActiveBookingsAsync(int[] rooms)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Bookings.AsNoTracking()
            .Where(b => rooms.Contains(b.RoomId) && BookingStates.Active.Contains(b.State)).ToListAsync();
    }
}
