using System.Net;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Insights;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The time a room spends out of service (issue 23: excluded from bookable time) follows the room's state, on a real
/// database: taking it out opens a <see cref="RoomServiceInterval"/> at that instant, returning it or deleting it closes it.
/// </summary>
public sealed class RoomServiceIntervalTests : IAsyncLifetime
{
    private readonly MeetingRoomFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<RoomServiceInterval>> IntervalsAsync(int room)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().RoomServiceIntervals.AsNoTracking()
            .Where(i => i.RoomId == room).ToListAsync()).OrderBy(i => i.From).ToList();
    }

    [Fact]
    public async Task Out_of_service_opens_an_interval_and_in_service_closes_it()
    {
        var admin = await _app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Harbor");
        Assert.Empty(await IntervalsAsync(room));

        await (await admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Leaking ceiling" })).ShouldBe(HttpStatusCode.OK);
        _app.Clock.Set(DefaultNow.AddMinutes(30));
        await (await admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Still leaking" })).ShouldBe(HttpStatusCode.OK);

        var open = Assert.Single(await IntervalsAsync(room)); // a new reason is not a new interval
        Assert.Equal(DefaultNow, open.From);
        Assert.Null(open.To);

        _app.Clock.Set(DefaultNow.AddHours(2));
        await (await admin.PostAsync($"/api/rooms/{room}/in-service")).ShouldBe(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/rooms/{room}/in-service")).ShouldBe(HttpStatusCode.OK); // idempotent

        var closed = Assert.Single(await IntervalsAsync(room));
        Assert.Equal((DefaultNow, (DateTimeOffset?)DefaultNow.AddHours(2)), (closed.From, closed.To));
    }

    [Fact]
    public async Task Each_time_out_of_service_is_its_own_interval_and_deleting_the_room_closes_the_open_one()
    {
        var admin = await _app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Atlas");
        var other = await admin.CreateRoomAsync("Orchard");

        await (await admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Painting" })).ShouldBe(HttpStatusCode.OK);
        _app.Clock.Set(DefaultNow.AddDays(1));
        await (await admin.PostAsync($"/api/rooms/{room}/in-service")).ShouldBe(HttpStatusCode.OK);
        _app.Clock.Set(DefaultNow.AddDays(3));
        await (await admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Flooded" })).ShouldBe(HttpStatusCode.OK);
        _app.Clock.Set(DefaultNow.AddDays(4));
        await (await admin.DeleteAsync($"/api/rooms/{room}")).ShouldBe(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"/api/rooms/{other}")).ShouldBe(HttpStatusCode.NoContent); // in service: nothing to close

        var intervals = await IntervalsAsync(room);
        Assert.Equal(
            [(DefaultNow, (DateTimeOffset?)DefaultNow.AddDays(1)), (DefaultNow.AddDays(3), DefaultNow.AddDays(4))],
            intervals.Select(i => (i.From, i.To)));
        Assert.Empty(await IntervalsAsync(other));
    }
}
