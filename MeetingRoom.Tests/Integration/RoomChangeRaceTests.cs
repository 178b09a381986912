using System.Net;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Deleting a room, or taking it out of service, races members joining its waitlist and booking it (issue 25; R2, R3, N1):
/// afterwards a deleted room has no place in line and no active booking, and a room out of service no active booking. The
/// database decides: the change takes the room's row first, and a place or booking saves only if its room's version is
/// unchanged. SQLite, and PostgreSQL in the PostgreSQL run.
/// </summary>
public sealed class RoomChangeRaceTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private const int Racers = 20;
    private const int Rounds = 3;

    /// <summary>
    /// Each round: a new room whose 10:00 today is held; <paramref name="race"/> by every racer and the admin's
    /// <paramref name="change"/> of the room start together; then <paramref name="leftOver"/> counts what must not be there.
    /// </summary>
    private async Task RaceAsync(Func<ApiClient, int, Task<HttpResponseMessage>> change, Func<ApiClient, int, Task<HttpResponseMessage>> race,
        Func<AppDbContext, int, Task<int>> leftOver)
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
            var changed = Task.Run(async () => { await go.Task; return await change(admin, room); });
            go.SetResult();
            await Task.WhenAll(calls.Append(changed));

            Assert.True(changed.Result.IsSuccessStatusCode, $"the change answered {changed.Result.StatusCode}");
            Assert.All(calls, c => Assert.True((int)c.Result.StatusCode < 500, $"answered {c.Result.StatusCode}"));
            await using var scope = app.Services.CreateAsyncScope();
            Assert.Equal(0, await leftOver(scope.ServiceProvider.GetRequiredService<AppDbContext>(), room));
        }
    }

    private static Task<HttpResponseMessage> Delete(ApiClient admin, int room) => admin.DeleteAsync($"/api/rooms/{room}");

    [Fact]
    public async Task No_place_in_line_is_left_on_a_room_deleted_while_members_join_its_waitlist()
    {
        await RaceAsync(Delete, (member, room) => member.PostAsync("/api/waitlist", new { roomId = room, date = Today, start = "10:00" }),
            (db, room) => db.WaitlistEntries.CountAsync(w => w.RoomId == room && w.State == WaitlistState.Waiting));
    }

    [Fact]
    public async Task No_active_booking_is_left_on_a_room_deleted_while_members_book_it()
    {
        await RaceAsync(Delete, (member, room) => member.BookAsync(room, Today, "13:00"),
            (db, room) => db.Bookings.CountAsync(b => b.RoomId == room && BookingStates.Active.Contains(b.State)));
    }

    [Fact]
    public async Task No_active_booking_is_left_on_a_room_taken_out_of_service_while_members_book_it()
    {
        await RaceAsync((admin, room) => admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Flood" }),
            (member, room) => member.BookAsync(room, Today, "13:00"),
            (db, room) => db.Bookings.CountAsync(b => b.RoomId == room && BookingStates.Active.Contains(b.State)));
    }
}
