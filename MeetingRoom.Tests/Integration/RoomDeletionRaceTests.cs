using System.Net;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Deleting a room races members joining its waitlist and booking it (issue 25): afterwards the deleted room has no place in
/// line and no active booking. The database decides: the delete takes the room's row first, and a place or booking saves only
/// if its room's version is unchanged. SQLite, and PostgreSQL in the PostgreSQL run.
/// </summary>
public sealed class RoomDeletionRaceTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private const int Racers = 20;
    private const int Rounds = 3;

    /// <summary>Each round: a new room whose 10:00 today is held; <paramref name="race"/> by every racer and the delete start together.</summary>
    private async Task RaceDeletionAsync(Func<ApiClient, int, Task<HttpResponseMessage>> race, Func<AppDbContext, int, Task<int>> leftOver)
    {
        var admin = await app.SignInNewAsync(admin: true);
        var racers = new ApiClient[Racers];
        for (var i = 0; i < Racers; i++) racers[i] = await app.SignInNewAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var room = await admin.CreateRoomAsync($"Deleted while racing {Guid.NewGuid():N}"[..28]);
            await (await app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var calls = racers.Select(r => Task.Run(async () => { await go.Task; return await race(r, room); })).ToList();
            var delete = Task.Run(async () => { await go.Task; return await admin.DeleteAsync($"/api/rooms/{room}"); });
            go.SetResult();
            await Task.WhenAll(calls.Append(delete));

            await delete.Result.ShouldBe(HttpStatusCode.NoContent);
            Assert.All(calls, c => Assert.True((int)c.Result.StatusCode < 500, $"answered {c.Result.StatusCode}"));
            await using var scope = app.Services.CreateAsyncScope();
            Assert.Equal(0, await leftOver(scope.ServiceProvider.GetRequiredService<AppDbContext>(), room));
        }
    }

    [Fact]
    public async Task No_place_in_line_is_left_on_a_room_deleted_while_members_join_its_waitlist()
    {
        await RaceDeletionAsync((member, room) => member.PostAsync("/api/waitlist", new { roomId = room, date = Today, start = "10:00" }),
            (db, room) => db.WaitlistEntries.CountAsync(w => w.RoomId == room && w.State == WaitlistState.Waiting));
    }

    [Fact]
    public async Task No_active_booking_is_left_on_a_room_deleted_while_members_book_it()
    {
        await RaceDeletionAsync((member, room) => member.BookAsync(room, Today, "13:00"),
            (db, room) => db.Bookings.CountAsync(b => b.RoomId == room && BookingStates.Active.Contains(b.State)));
    }
}
