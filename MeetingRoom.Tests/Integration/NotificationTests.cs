using Microsoft.Extensions.DependencyInjection;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Schedule;
using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Notifications;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>In-app notifications (B7) through the API: produced from events, listed, marked read.</summary>
public sealed class NotificationTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static async Task<JsonElement> InboxAsync(ApiClient member) => await member.GetJsonAsync<JsonElement>("/api/me/notifications");

    [Fact]
    public async Task Approval_and_denial_notify_the_booker_with_the_reason()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Approval notes", requiresApproval: true);
        var approved = await member.BookOkAsync(room, Today, "10:00");
        await admin.PostAsync($"/api/bookings/{approved}/approve");
        await member.PostAsync($"/api/bookings/{approved}/cancel");
        var denied = await member.BookOkAsync(room, Today, "10:00");
        await admin.PostAsync($"/api/bookings/{denied}/deny", new { reason = "CEO visit" });

        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
        var inbox = await InboxAsync(member);

        Assert.Equal(2, inbox.GetProperty("unread").GetInt32());
        var items = inbox.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Denied", "Approved"], items.Select(i => i.GetProperty("kind").GetString()!).ToArray());
        Assert.Contains("CEO visit", items[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_member_cancelling_their_own_booking_gets_no_notification()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync("Own cancel"), Today, "10:00");
        await member.PostAsync($"/api/bookings/{id}/cancel");

        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);

        Assert.Equal(0, (await InboxAsync(member)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Marking_one_then_all_read_clears_the_unread_count()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Read marks");
        foreach (var start in new[] { "10:00" })
        {
            var id = await member.BookOkAsync(room, Today, start);
            await admin.PostAsync($"/api/bookings/{id}/cancel", new { reason = "Cleaning" });
        }
        var second = await member.BookOkAsync(room, Today, "10:00");
        await admin.PostAsync($"/api/bookings/{second}/cancel", new { reason = "Cleaning again" });
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
        var first = (await InboxAsync(member)).GetProperty("items")[0].GetProperty("id").GetInt64();

        await (await member.PostAsync($"/api/me/notifications/{first}/read")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, (await InboxAsync(member)).GetProperty("unread").GetInt32());

        await (await member.PostAsync("/api/me/notifications/read-all")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, (await InboxAsync(member)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Someone_elses_notification_is_not_found()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var other = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync("Private note"), Today, "10:00");
        await admin.PostAsync($"/api/bookings/{id}/cancel", new { reason = "x" });
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
        var note = (await InboxAsync(member)).GetProperty("items")[0].GetProperty("id").GetInt64();

        await (await other.PostAsync($"/api/me/notifications/{note}/read")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Equipment_inventory_lists_each_kind_its_total_and_its_rooms()
    {
        var admin = await app.SignInNewAsync(admin: true);
        await admin.PostAsync("/api/rooms", new { name = "Inv A", floor = 7, capacity = 4, equipment = new[] { new { name = "Beamer", quantity = 2 } } });
        await admin.PostAsync("/api/rooms", new { name = "Inv B", floor = 8, capacity = 4, equipment = new[] { new { name = "beamer", quantity = 1 } } });

        var inventory = await admin.GetJsonAsync<JsonElement>("/api/equipment");

        var beamer = inventory.EnumerateArray().Single(k => k.GetProperty("name").GetString()!.Equals("Beamer", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, beamer.GetProperty("total").GetInt32());
        Assert.Equal(["Inv A", "Inv B"], beamer.GetProperty("rooms").EnumerateArray().Select(r => r.GetProperty("roomName").GetString()!).ToArray());
    }

    [Fact]
    public async Task Marking_read_reaches_the_members_bells_through_the_outbox()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Read marks reach bells", requiresApproval: true);
        var booking = await member.BookOkAsync(room, Today, "10:00");
        await admin.PostAsync($"/api/bookings/{booking}/approve");
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
        var id = (await InboxAsync(member)).GetProperty("items")[0].GetProperty("id").GetInt64();
        string memberId;
        await using (var scope = app.Services.CreateAsyncScope())
            memberId = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MeetingRoom.Web.Infrastructure.Identity.AppUser>>()
                .FindByEmailAsync(member.Email!))!.Id;
        var told = new TaskCompletionSource();
        using var bell = app.Services.GetRequiredService<NotificationNotifier>().Subscribe(memberId, () =>
        {
            told.TrySetResult();
            return Task.CompletedTask;
        });

        await member.PostAsync($"/api/me/notifications/{id}/read");

        await told.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                scope.ServiceProvider.GetRequiredService<MeetingRoom.Web.Infrastructure.Persistence.AppDbContext>().Outbox,
                m => m.Type == nameof(InboxChanged)));
    }
}

/// <summary>Notification fault isolation: bookings succeed while the notifier fails; notifications arrive after, once each.</summary>
public sealed class NotificationFaultIsolationTests(FailingNotificationsFactory app) : IClassFixture<FailingNotificationsFactory>
{
    [Fact]
    public async Task Boards_stay_live_while_the_notification_side_fails()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Boards stay live");
        var pushed = new System.Collections.Concurrent.ConcurrentQueue<ScheduleChange>();
        using var subscription = app.Services.GetRequiredService<ScheduleNotifier>().Subscribe(changes =>
        {
            foreach (var change in changes.Slots) pushed.Enqueue(change);
            return Task.CompletedTask;
        });
        app.Switch.Failing = true;
        try
        {
            await member.BookOkAsync(room, Today, "10:00");

            await Eventually.HoldsAsync(() => Task.FromResult(pushed.Any(c => c.RoomId == room && c.State == SlotStatus.Booked)),
                "the booking reached the boards although the notifications are failing");
            Assert.True(Volatile.Read(ref app.Switch.Failures) > 0);
        }
        finally
        {
            app.Switch.Failing = false;
        }
    }

    [Fact]
    public async Task Notifications_arrive_once_each_after_the_notifier_recovers()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Notifier down", requiresApproval: true);
        app.Switch.Failing = true;

        var first = await member.BookOkAsync(room, Today, "10:00");
        await (await admin.PostAsync($"/api/bookings/{first}/deny", new { reason = "No" })).ShouldBe(HttpStatusCode.OK);
        var second = await member.BookOkAsync(room, Today, "10:00");
        await (await admin.PostAsync($"/api/bookings/{second}/approve")).ShouldBe(HttpStatusCode.OK);
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref app.Switch.Failures) > 0), "the notifier has failed");
        Assert.Equal(0, (await member.GetJsonAsync<JsonElement>("/api/me/notifications")).GetProperty("unread").GetInt32());

        app.Switch.Failing = false;
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);

        var kinds = (await member.GetJsonAsync<JsonElement>("/api/me/notifications")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("kind").GetString()!).Order().ToArray();
        Assert.Equal(["Approved", "Denied"], kinds);
        Assert.Equal(app.Switch.Committed.Count, app.Switch.Committed.Distinct().Count());
    }
}
