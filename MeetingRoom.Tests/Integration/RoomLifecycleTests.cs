using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Out of service (R3) and deletion (R2): active and future bookings are cancelled in one transaction,
/// each booker is notified once, past bookings stay, and the schedule shows it at once.
/// No auto-release in this class (its past booking must stay Confirmed).
/// </summary>
public sealed class RoomLifecycleTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private ApiClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await app.SignInNewAsync(admin: true);
        // Tomorrow's slots open today at 00:00, so there are future bookings to cancel; no auto-release.
        await (await _admin.PutAsync("/api/admin/booking-window", new { mode = "DailyAt", dailyAt = "00:00", daysBefore = 1, noShowMinutes = 0 }))
            .ShouldBe(HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> StateAsync(ApiClient member, Guid id) =>
        (await member.GetJsonAsync<JsonElement>($"/api/bookings/{id}")).GetProperty("state").GetString()!;

    private async Task<List<JsonElement>> NotificationsAsync(ApiClient member) =>
        (await member.GetJsonAsync<JsonElement>("/api/me/notifications")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Out_of_service_cancels_exactly_the_active_and_future_bookings_and_notifies_each_booker_once()
    {
        var room = await _admin.CreateRoomAsync("Out of service room");
        var past = await app.SignInNewAsync();
        var now = await app.SignInNewAsync();
        var later = await app.SignInNewAsync();
        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T08:05:00+09:00"));
        var pastBooking = await past.BookOkAsync(room, Today, "08:00");
        app.Clock.Set(DefaultNow);
        var current = await now.BookOkAsync(room, Today, "10:00");
        await (await now.PostAsync($"/api/bookings/{current}/start")).ShouldBe(HttpStatusCode.OK);
        var tomorrow = await later.BookOkAsync(room, "2026-11-24", "13:00");

        await (await _admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Water leak" })).ShouldBe(HttpStatusCode.OK);
        await (await _admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Water leak, ceiling open" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("Confirmed", await StateAsync(past, pastBooking));
        Assert.Equal("Cancelled", await StateAsync(now, current));
        Assert.Equal("Cancelled", await StateAsync(later, tomorrow));
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
        Assert.Empty(await NotificationsAsync(past));
        foreach (var member in new[] { now, later })
        {
            var note = Assert.Single(await NotificationsAsync(member));
            Assert.Equal("RoomOutOfService", note.GetProperty("kind").GetString());
            Assert.Contains("Water leak", note.GetProperty("body").GetString());
        }
    }

    [Fact]
    public async Task Out_of_service_is_pushed_to_open_screens_and_back_in_service_makes_slots_bookable()
    {
        var room = await _admin.CreateRoomAsync("Pushed room");
        var member = await app.SignInNewAsync();
        var changes = Channel.CreateUnbounded<ScheduleChange>();
        using var subscription = app.Services.GetRequiredService<ScheduleNotifier>().Subscribe(batch =>
        {
            foreach (var c in batch.Slots) changes.Writer.TryWrite(c);
            return Task.CompletedTask;
        });

        await _admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Renovation" });

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        ScheduleChange change;
        do change = await changes.Reader.ReadAsync(cts.Token);
        while (!(change.RoomId == room && change.Start == "10:00" && change.Date == new DateOnly(2026, 11, 23)));
        Assert.Equal(SlotStatus.OutOfService, change.State);

        await (await _admin.PostAsync($"/api/rooms/{room}/in-service")).ShouldBe(HttpStatusCode.OK);
        await (await member.BookAsync(room, Today, "10:00")).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Deleting_a_room_notifies_the_bookers_of_its_future_bookings()
    {
        var room = await _admin.CreateRoomAsync("Deleted with bookings");
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(room, "2026-11-24", "10:00");

        await (await _admin.DeleteAsync($"/api/rooms/{room}")).ShouldBe(HttpStatusCode.NoContent);

        Assert.Equal("Cancelled", await StateAsync(member, id));
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
        Assert.Equal("CancelledByAdmin", Assert.Single(await NotificationsAsync(member)).GetProperty("kind").GetString());
    }
}
