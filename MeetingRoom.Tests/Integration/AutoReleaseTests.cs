using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Auto-release of no-shows (default 10 minutes after the period starts) and auto-end at period end,
/// driven by the test clock. Each test starts at 2026-11-23 10:00 Asia/Seoul, when the 10:00–11:50 period
/// starts (and opens), so its bookings are made at the period start: the no-show clock starts then.
/// </summary>
public sealed class AutoReleaseTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private static readonly DateTimeOffset PeriodStart = DateTimeOffset.Parse("2026-11-23T10:00:00+09:00");
    private static readonly DateTimeOffset ReleaseAt = DateTimeOffset.Parse("2026-11-23T10:10:00+09:00");
    private ApiClient _admin = null!;

    public async Task InitializeAsync()
    {
        app.Clock.Set(PeriodStart);
        _admin = await app.SignInNewAsync(admin: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> StateAsync(ApiClient member, Guid id) =>
        (await member.GetJsonAsync<JsonElement>($"/api/bookings/{id}")).GetProperty("state").GetString()!;

    /// <summary>Runs one pass of the clock-driven service now (the background loop does the same when its timer fires).</summary>
    private async Task ClockPassAsync(MeetingRoomFactory factory) =>
        await factory.Services.GetServices<IHostedService>().OfType<BookingClock>().Single().RunOnceAsync();

    [Fact]
    public async Task A_confirmed_booking_not_started_is_released_at_exactly_ten_minutes()
    {
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await _admin.CreateRoomAsync("Release exact"), Today, "10:00");

        app.Clock.Set(ReleaseAt - TimeSpan.FromTicks(1));
        await ClockPassAsync(app);
        Assert.Equal("Confirmed", await StateAsync(member, id));

        app.Clock.Set(ReleaseAt);
        await ClockPassAsync(app);
        Assert.Equal("Released", await StateAsync(member, id));
    }

    [Fact]
    public async Task A_booking_made_after_the_period_started_gets_the_full_no_show_time_from_when_it_was_made()
    {
        var member = await app.SignInNewAsync();
        var room = await _admin.CreateRoomAsync("Release late booking");
        var bookedAt = DateTimeOffset.Parse("2026-11-23T10:25:00+09:00"); // 25 minutes into the 10:00 period
        app.Clock.Set(bookedAt);
        var id = await member.BookOkAsync(room, Today, "10:00");

        app.Clock.Set(bookedAt + TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        await ClockPassAsync(app);
        Assert.Equal("Confirmed", await StateAsync(member, id));

        app.Clock.Set(bookedAt + TimeSpan.FromMinutes(10));
        await ClockPassAsync(app);
        Assert.Equal("Released", await StateAsync(member, id));
    }

    [Fact]
    public async Task A_started_meeting_is_not_released()
    {
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await _admin.CreateRoomAsync("Release started"), Today, "10:00");
        await (await member.PostAsync($"/api/bookings/{id}/start")).ShouldBe(HttpStatusCode.OK);

        app.Clock.Set(ReleaseAt + TimeSpan.FromMinutes(5));
        await ClockPassAsync(app);

        Assert.Equal("InMeeting", await StateAsync(member, id));
    }

    [Fact]
    public async Task A_released_slot_can_be_booked_for_the_rest_of_the_period()
    {
        var member = await app.SignInNewAsync();
        var other = await app.SignInNewAsync();
        var room = await _admin.CreateRoomAsync("Release rebook");
        await member.BookOkAsync(room, Today, "10:00");

        app.Clock.Set(ReleaseAt);
        await ClockPassAsync(app);

        await (await other.BookAsync(room, Today, "10:00")).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_background_service_releases_when_the_clock_passes_the_limit()
    {
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await _admin.CreateRoomAsync("Release timer"), Today, "10:00");

        app.Clock.Set(ReleaseAt);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (await StateAsync(member, id) != "Released") await Task.Delay(20, cts.Token);
    }

    [Fact]
    public async Task A_meeting_still_in_progress_at_period_end_is_ended_automatically()
    {
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await _admin.CreateRoomAsync("Auto end"), Today, "10:00");
        await member.PostAsync($"/api/bookings/{id}/start");

        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T11:50:00+09:00"));
        await ClockPassAsync(app);

        var booking = await member.GetJsonAsync<JsonElement>($"/api/bookings/{id}");
        Assert.Equal("Ended", booking.GetProperty("state").GetString());
        Assert.Equal("2026-11-23T11:50:00+09:00", booking.GetProperty("endedAt").GetString());
    }

    [Fact]
    public async Task Auto_release_survives_an_app_restart_between_booking_and_release()
    {
        var folder = Path.Combine(Path.GetTempPath(), "meetingroom-tests", Guid.NewGuid().ToString("N"));
        Guid id;
        string email;
        using (var before = new MeetingRoomFactory { Folder = folder, KeepDatabase = true, Clock = new TestClock(PeriodStart) })
        {
            var admin = await before.SignInNewAsync(admin: true);
            var member = await before.SignInNewAsync();
            email = member.Email!;
            id = await member.BookOkAsync(await admin.CreateRoomAsync("Restart room"), Today, "10:00");
        }

        using var after = new MeetingRoomFactory { Folder = folder, Clock = new TestClock(ReleaseAt + TimeSpan.FromMinutes(1)) };
        var again = await after.SignInAsync(email, Password);
        await ClockPassAsync(after);

        Assert.Equal("Released", (await again.GetJsonAsync<JsonElement>($"/api/bookings/{id}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task No_show_limit_zero_turns_auto_release_off()
    {
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await _admin.CreateRoomAsync("Release off"), Today, "10:00");
        await (await _admin.PutAsync("/api/admin/booking-window", new { mode = "AtPeriodStart", noShowMinutes = 0 })).ShouldBe(HttpStatusCode.OK);
        try
        {
            app.Clock.Set(ReleaseAt + TimeSpan.FromMinutes(30));
            await ClockPassAsync(app);

            Assert.Equal("Confirmed", await StateAsync(member, id));
        }
        finally
        {
            await _admin.PutAsync("/api/admin/booking-window", new { mode = "AtPeriodStart", noShowMinutes = 10 });
        }
    }

    [Fact]
    public async Task The_booker_is_reminded_once_ten_minutes_before_the_period_ends()
    {
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await _admin.CreateRoomAsync("Ending soon"), Today, "10:00");
        await member.PostAsync($"/api/bookings/{id}/start");

        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T11:39:59+09:00"));
        await ClockPassAsync(app);
        Assert.DoesNotContain(await KindsAsync(member), k => k == "EndingSoon");

        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T11:40:00+09:00"));
        await ClockPassAsync(app);
        await ClockPassAsync(app);
        Assert.Single(await KindsAsync(member), k => k == "EndingSoon");
    }

    [Fact]
    public async Task Notifications_older_than_the_retention_period_are_purged()
    {
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await _admin.CreateRoomAsync("Old news"), Today, "10:00");
        await _admin.PostAsync($"/api/bookings/{id}/cancel", new { reason = "Cleaning" });
        await app.WaitForHandlerAsync(MeetingRoom.Web.Features.Notifications.NotificationProjection.HandlerName);
        Assert.Single(await KindsAsync(member));

        app.Clock.Set(DefaultNow + TimeSpan.FromDays(91));
        await ClockPassAsync(app);

        Assert.Empty(await KindsAsync(member));
    }

    private static async Task<List<string>> KindsAsync(ApiClient member) =>
        (await member.GetJsonAsync<JsonElement>("/api/me/notifications")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("kind").GetString()!).ToList();
}
