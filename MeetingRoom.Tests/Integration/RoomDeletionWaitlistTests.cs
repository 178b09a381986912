using System.Globalization;
using System.Net;
using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// R2 with F3 (issue 25): deleting a room removes the places in line for its slots in the delete's transaction, and each
/// member in line is told once (WaitlistPlaceRemoved), however often the event is delivered. Taking a room out of service
/// keeps them (they are handed over when it is back). SQLite, and PostgreSQL in the PostgreSQL run.
/// </summary>
public sealed class RoomDeletionWaitlistTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static async Task<List<JsonElement>> NotificationsAsync(ApiClient member) =>
        (await member.GetJsonAsync<JsonElement>("/api/me/notifications")).GetProperty("items").EnumerateArray().ToList();

    private static string? Kind(JsonElement notification) => notification.GetProperty("kind").GetString();

    /// <summary>A room whose 10:00 today is held, with <paramref name="waiting"/> members in line for it.</summary>
    private async Task<(ApiClient Admin, int Room, ApiClient[] Waiting)> RoomWithALineAsync(string name, int waiting)
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync(name);
        await (await app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");
        var line = new ApiClient[waiting];
        for (var i = 0; i < waiting; i++)
        {
            line[i] = await app.SignInNewAsync();
            await (await line[i].PostAsync("/api/waitlist", new { roomId = room, date = Today, start = "10:00" })).ShouldBe(HttpStatusCode.Created);
        }
        return (admin, room, line);
    }

    private async Task<List<WaitlistState>> PlacesAsync(int room)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().WaitlistEntries.AsNoTracking()
            .Where(w => w.RoomId == room).Select(w => w.State).ToListAsync();
    }

    [Fact]
    public async Task Deleting_a_room_removes_its_places_in_line_and_tells_each_member_once()
    {
        var (admin, room, line) = await RoomWithALineAsync("Deleted with a line", waiting: 2);

        await (await admin.DeleteAsync($"/api/rooms/{room}")).ShouldBe(HttpStatusCode.NoContent);

        Assert.All(await PlacesAsync(room), state => Assert.Equal(WaitlistState.Left, state));
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
        foreach (var member in line)
        {
            var notice = Assert.Single(await NotificationsAsync(member));
            Assert.Equal(nameof(NotificationKind.WaitlistPlaceRemoved), Kind(notice));
            Assert.Equal("Your place on the waitlist was removed", notice.GetProperty("title").GetString());
            Assert.Contains("The room Deleted with a line was removed.", notice.GetProperty("body").GetString());
        }
        Assert.Empty((await line[0].GetJsonAsync<JsonElement>("/api/me/waitlist")).EnumerateArray());
    }

    [Fact]
    public async Task A_redelivered_removal_tells_the_member_nothing_more()
    {
        var (admin, room, line) = await RoomWithALineAsync("Deleted twice over", waiting: 1);
        await (await admin.DeleteAsync($"/api/rooms/{room}")).ShouldBe(HttpStatusCode.NoContent);
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var projection = scope.ServiceProvider.GetServices<IOutboxHandler>().Single(h => h.Name == NotificationProjection.HandlerName);
            var removals = 0;
            foreach (var message in await db.Outbox.AsNoTracking().Where(m => m.Type == nameof(WaitlistLeft)).ToListAsync())
                if (DomainEventSerializer.TryFromOutbox(message, out var e) && e is WaitlistLeft { Cause: WaitlistLeaveCause.RoomDeleted } left
                    && left.Slot.RoomId == room)
                {
                    await projection.ApplyAsync(db, message.Id, e, CancellationToken.None); // delivered again
                    removals++;
                }
            await db.SaveChangesAsync();
            Assert.Equal(1, removals);
        }

        Assert.Single(await NotificationsAsync(line[0]));
    }

    [Fact]
    public async Task The_member_is_told_in_Korean_too()
    {
        var (admin, room, _) = await RoomWithALineAsync("삭제된 회의실", waiting: 1);
        await (await admin.DeleteAsync($"/api/rooms/{room}")).ShouldBe(HttpStatusCode.NoContent);
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);

        Notification notice;
        await using (var scope = app.Services.CreateAsyncScope())
            notice = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking()
                .SingleAsync(n => n.Kind == NotificationKind.WaitlistPlaceRemoved && n.Body.Contains("삭제된 회의실"));
        var texts = app.Services.GetRequiredService<NotificationTexts>();
        var korean = UiCulture.Of(CultureInfo.GetCultureInfo("ko")).Run(() => texts.ToDto(notice));

        Assert.Equal("대기자 명단의 자리가 삭제되었습니다", korean.Title);
        Assert.Contains("삭제된 회의실 회의실이 삭제되었습니다.", korean.Body);
    }

    [Fact]
    public async Task Taking_a_room_out_of_service_keeps_its_places_in_line()
    {
        var (admin, room, line) = await RoomWithALineAsync("Out of service with a line", waiting: 1);

        await (await admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Paint" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal([WaitlistState.Waiting], await PlacesAsync(room));
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
        Assert.DoesNotContain(await NotificationsAsync(line[0]), n => Kind(n) == nameof(NotificationKind.WaitlistPlaceRemoved));
    }
}
