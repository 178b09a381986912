using System.Net;
using System.Threading.Channels;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Settings saved by another instance (simulated: written straight to the shared database) reach this instance's
/// rules through the change feed, and no booking is decided under the older rules meanwhile (issue 21, item 4).
/// Each test has its own app: they change the timetable.
/// </summary>
public sealed class SiteRulesCoherenceTests
{
    /// <summary>The timetable after the change: one period, 10:00–12:00 (the default has 10:00–11:50 and 13:00–14:50).</summary>
    private static readonly Period[] NewPeriods = [new(new TimeOnly(10, 0), new TimeOnly(12, 0))];

    /// <summary>
    /// What another instance's save writes: the settings' next version and, like every save, the rooms stamped with
    /// it; with <paramref name="announced"/>, the <see cref="SiteRulesChanged"/> event too. Returns the new version.
    /// </summary>
    private static async Task<int> SaveElsewhereAsync(MeetingRoomFactory app, bool announced)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var settings = await db.SiteSettings.FirstOrDefaultAsync();
            if (settings is null) db.SiteSettings.Add(settings = new SiteSettings());
            settings.PeriodsJson = SiteSettings.Serialize(NewPeriods);
            var version = ++settings.Version;
            await db.Rooms.ExecuteUpdateAsync(r => r.SetProperty(x => x.RulesVersion, version).SetProperty(x => x.Version, x => x.Version + 1));
            if (announced) db.AddToOutbox(new SiteRulesChanged(version, app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return version;
        }
        finally
        {
            gate?.Release();
        }
    }

    private static ChannelReader<ScheduleUpdate> Subscribe(MeetingRoomFactory app, out IDisposable subscription)
    {
        var channel = Channel.CreateUnbounded<ScheduleUpdate>();
        subscription = app.Services.GetRequiredService<ScheduleNotifier>().Subscribe(update =>
        {
            channel.Writer.TryWrite(update);
            return Task.CompletedTask;
        });
        return channel.Reader;
    }

    private static async Task RoomsChangedAsync(ChannelReader<ScheduleUpdate> updates)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!(await updates.ReadAsync(cts.Token)).RoomsChanged) { }
    }

    [Fact]
    public async Task A_change_saved_by_another_instance_reaches_the_rules_through_the_change_feed()
    {
        using var app = new MeetingRoomFactory();
        var admin = await app.SignInNewAsync(admin: true);
        var rules = app.Services.GetRequiredService<SiteRulesProvider>();
        var updates = Subscribe(app, out var subscription);
        using var _ = subscription;
        await admin.CreateRoomAsync("Feed is running");
        await RoomsChangedAsync(updates); // the feed's in-memory handlers are reading
        Assert.Equal(5, (await rules.GetAsync()).Timetable.Periods.Count); // the copy in memory

        await SaveElsewhereAsync(app, announced: true);
        await RoomsChangedAsync(updates); // screens are told to reload once the copy is dropped

        Assert.Equal(NewPeriods, (await rules.GetAsync()).Timetable.Periods);
    }

    [Fact]
    public async Task A_booking_right_after_another_instances_change_is_decided_under_the_new_timetable()
    {
        using var app = new MeetingRoomFactory();
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Stamped room");
        await app.Services.GetRequiredService<SiteRulesProvider>().GetAsync(); // the old rules are in memory

        await SaveElsewhereAsync(app, announced: false); // only the room's stamp can tell

        var booking = await member.BookAsync(room, Today, "10:00");

        await booking.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("12:00", (await booking.Json()).GetProperty("end").GetString());
    }

    [Fact]
    public async Task A_booking_of_a_period_another_instance_just_removed_is_refused()
    {
        using var app = new MeetingRoomFactory();
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Stamped room");
        await app.Services.GetRequiredService<SiteRulesProvider>().GetAsync(); // the old rules are in memory

        await SaveElsewhereAsync(app, announced: false); // only the room's stamp can tell
        var booking = await member.BookAsync(room, Today, "13:00");

        await booking.ShouldBeProblem(HttpStatusCode.NotFound, "unknown-period");
    }

    [Fact]
    public async Task A_room_registered_after_another_instances_change_is_booked_under_the_new_timetable()
    {
        using var app = new MeetingRoomFactory();
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        await app.Services.GetRequiredService<SiteRulesProvider>().GetAsync(); // the old rules are in memory

        await SaveElsewhereAsync(app, announced: false); // only a room's stamp can tell
        var room = await admin.CreateRoomAsync("Registered after the change"); // stamped with the settings in force
        var booking = await member.BookAsync(room, Today, "10:00");

        await booking.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("12:00", (await booking.Json()).GetProperty("end").GetString());
    }
}
