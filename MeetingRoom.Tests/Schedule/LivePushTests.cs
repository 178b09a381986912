using System.Threading.Channels;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Schedule;

/// <summary>S3 in-process: booking changes and window openings reach notifier subscribers (what components use).</summary>
public sealed class LivePushTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private (ChannelReader<ScheduleChange> Changes, IDisposable Subscription) Subscribe()
    {
        var channel = Channel.CreateUnbounded<ScheduleChange>();
        var subscription = app.Services.GetRequiredService<ScheduleNotifier>().Subscribe(changes =>
        {
            foreach (var c in changes.Slots) channel.Writer.TryWrite(c);
            return Task.CompletedTask;
        });
        return (channel.Reader, subscription);
    }

    private static async Task<ScheduleChange> NextAsync(ChannelReader<ScheduleChange> changes, Func<ScheduleChange, bool> match)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var change = await changes.ReadAsync(cts.Token);
            if (match(change)) return change;
        }
    }

    [Fact]
    public async Task A_booking_then_its_cancellation_are_pushed_with_growing_versions()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync(name: "Yuna Kang");
        var room = await admin.CreateRoomAsync("Push room");
        var (changes, subscription) = Subscribe();
        using var _ = subscription;

        var id = await member.BookOkAsync(room, Today, "10:00");
        var booked = await NextAsync(changes, c => c.RoomId == room && c.State == SlotStatus.Booked);
        await member.PostAsync($"/api/bookings/{id}/cancel");
        var freed = await NextAsync(changes, c => c.RoomId == room && c.State == SlotStatus.Open);

        Assert.Equal(("10:00", new DateOnly(2026, 11, 23), id, "Yuna Kang"), (booked.Start, booked.Date, booked.BookingId!.Value, booked.BookedBy!));
        Assert.True(freed.Version > booked.Version);
    }

    [Fact]
    public async Task Joining_a_waitlist_pushes_the_held_slot_with_the_count_waiting()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Push line");
        await (await app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");
        var (changes, subscription) = Subscribe();
        using var _ = subscription;

        await (await app.SignInNewAsync()).PostAsync("/api/waitlist", new { roomId = room, date = Today, start = "10:00" });

        var counted = await NextAsync(changes, c => c.RoomId == room && c.Waiting == 1);
        Assert.Equal(SlotStatus.Booked, counted.State);
    }

    [Fact]
    public async Task A_hand_over_from_the_waitlist_is_pushed_as_booked_by_the_member_served()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Push hand-over");
        var holder = await app.SignInNewAsync();
        var booking = await holder.BookOkAsync(room, Today, "10:00");
        await (await app.SignInNewAsync(name: "Minji Seo")).PostAsync("/api/waitlist", new { roomId = room, date = Today, start = "10:00" });
        var (changes, subscription) = Subscribe();
        using var _ = subscription;

        await holder.PostAsync($"/api/bookings/{booking}/cancel");

        var handed = await NextAsync(changes, c => c.RoomId == room && c.State == SlotStatus.Booked && c.BookedBy == "Minji Seo");
        Assert.Equal(0, handed.Waiting);
    }

    [Fact]
    public async Task When_the_clock_passes_an_opening_instant_the_slots_are_pushed_as_open()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Opening room");
        var (changes, subscription) = Subscribe();
        using var _ = subscription;

        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T13:00:00+09:00"));

        var opened = await NextAsync(changes, c => c.RoomId == room && c.Start == "13:00");
        Assert.Equal(SlotStatus.Open, opened.State);
        app.Clock.Set(DefaultNow);
    }

    [Fact]
    public async Task A_subscriber_that_throws_does_not_stop_the_others()
    {
        var notifier = app.Services.GetRequiredService<ScheduleNotifier>();
        using var bad = notifier.Subscribe(_ => throw new InvalidOperationException("broken screen"));
        var (changes, subscription) = Subscribe();
        using var _ = subscription;
        var change = new ScheduleChange(1, new DateOnly(2026, 11, 23), "10:00", SlotStatus.Open, 1, null, null, null, DefaultNow);

        await notifier.PublishAsync([change]);

        Assert.Equal(change, await NextAsync(changes, c => c == change));
    }
}
