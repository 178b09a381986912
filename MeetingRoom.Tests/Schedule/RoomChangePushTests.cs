using System.Threading.Channels;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Schedule;

/// <summary>Registering, editing and deleting a room reach open screens by the outbox path (screens reload their rooms).</summary>
public sealed class RoomChangePushTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private (ChannelReader<ScheduleUpdate> Updates, IDisposable Subscription) Subscribe()
    {
        var channel = Channel.CreateUnbounded<ScheduleUpdate>();
        var subscription = app.Services.GetRequiredService<ScheduleNotifier>().Subscribe(update =>
        {
            channel.Writer.TryWrite(update);
            return Task.CompletedTask;
        });
        return (channel.Reader, subscription);
    }

    private static async Task RoomsChangedAsync(ChannelReader<ScheduleUpdate> updates)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!(await updates.ReadAsync(cts.Token)).RoomsChanged) { }
    }

    [Fact]
    public async Task Registering_a_room_tells_the_screens_the_rooms_changed()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var (updates, subscription) = Subscribe();
        using var _ = subscription;

        await admin.CreateRoomAsync("Registered while watched");

        await RoomsChangedAsync(updates);
    }

    [Fact]
    public async Task Editing_a_room_tells_the_screens_the_rooms_changed()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Edited while watched");
        await app.WaitForHandlerAsync();
        var (updates, subscription) = Subscribe();
        using var _ = subscription;

        (await admin.PutAsync($"/api/rooms/{room}", new { name = "Edited while watched 2", floor = 2, capacity = 8 })).EnsureSuccessStatusCode();

        await RoomsChangedAsync(updates);
    }

    [Fact]
    public async Task Deleting_a_room_tells_the_screens_the_rooms_changed()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Deleted while watched");
        await app.WaitForHandlerAsync();
        var (updates, subscription) = Subscribe();
        using var _ = subscription;

        (await admin.DeleteAsync($"/api/rooms/{room}")).EnsureSuccessStatusCode();

        await RoomsChangedAsync(updates);
    }
}
