using System.Net;
using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>The app without the held-slot change feed: only this instance's own commits free a known-held slot.</summary>
public sealed class NoHeldSlotFeedFactory : MeetingRoomFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            var feed = services.Single(d => d.ServiceType == typeof(IChangeFeedSubscriber) && d.ImplementationType == typeof(HeldSlotsFeed));
            services.Remove(feed);
        });
    }
}

/// <summary>
/// F2: a slot this instance knows to be held is answered slot-taken from memory (<see cref="HeldSlots"/>), exactly as
/// the database path answers it; a cancel frees it at once on this instance and through the change feed on others;
/// the waitlist's hand-over is untouched.
/// </summary>
public sealed class HeldSlotBookingTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private HeldSlots Held => app.Services.GetRequiredService<HeldSlots>();

    private static SlotKey KeyOf(int room, string start = "10:00") => new(DateOnly.Parse(Today), room, TimeOnly.Parse(start));

    private async Task<(int Room, ApiClient Holder, Guid Booking)> BookedAsync(string name)
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync(name);
        var holder = await app.SignInNewAsync();
        return (room, holder, await holder.BookOkAsync(room, Today, "10:00"));
    }

    /// <summary>The problem without its per-request trace id.</summary>
    private static async Task<string> ProblemWithoutTraceAsync(HttpResponseMessage response)
    {
        var problem = await response.ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
        var fields = problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}");
        return string.Join("\n", fields.Order());
    }

    [Fact]
    public async Task A_booking_commit_makes_the_slot_known_held()
    {
        var (room, _, _) = await BookedAsync("Known after commit");

        Assert.True(Held.IsHeld(KeyOf(room)));
    }

    [Fact]
    public async Task A_slot_known_held_is_answered_from_memory_the_database_is_not_asked()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Held in memory only");
        Held.Add(KeyOf(room), Held.Mark()); // nobody holds it in the database: only the set can answer slot-taken

        await (await (await app.SignInNewAsync()).BookAsync(room, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");

        Held.Free(KeyOf(room));
        await (await app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");
    }

    [Fact]
    public async Task The_answer_from_memory_is_the_answer_of_the_database_path()
    {
        var (room, _, _) = await BookedAsync("Same answer");
        var late = await app.SignInNewAsync();
        Held.Free(KeyOf(room));

        var fromDatabase = await late.BookAsync(room, Today, "10:00");
        Assert.True(Held.IsHeld(KeyOf(room))); // the read that found the holder made it known
        var fromMemory = await late.BookAsync(room, Today, "10:00");

        Assert.Equal(await ProblemWithoutTraceAsync(fromDatabase), await ProblemWithoutTraceAsync(fromMemory));
        Assert.Equal(fromDatabase.Content.Headers.ContentType?.ToString(), fromMemory.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Rules_checked_before_slot_taken_still_come_first_for_a_known_held_slot()
    {
        var (room, _, _) = await BookedAsync("Over before taken");
        var late = await app.SignInNewAsync();
        Assert.True(Held.IsHeld(KeyOf(room)));

        // An unknown period and invalid input are answered as before.
        await (await late.BookAsync(room, Today, "10:30")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-period");
        await (await late.BookAsync(room, "2026-13-01", "10:00")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        // Once the period is over, the answer is period-over (as the database path answers), not slot-taken.
        try
        {
            app.Clock.Set(DefaultNow.AddHours(2));
            Held.Add(KeyOf(room), Held.Mark()); // still known held (whatever the clock's release of the booking did meanwhile)
            await (await late.BookAsync(room, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "period-over");
        }
        finally
        {
            app.Clock.Set(DefaultNow);
        }
    }

    [Fact]
    public async Task A_room_taken_out_of_service_is_answered_room_out_of_service_not_slot_taken()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Leaking held room");
        await (await app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");
        Assert.True(Held.IsHeld(KeyOf(room)));

        await (await admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Leak" })).ShouldBe(HttpStatusCode.OK);

        Assert.False(Held.IsHeld(KeyOf(room)));
        await (await (await app.SignInNewAsync()).BookAsync(room, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "room-out-of-service");
    }

    [Fact]
    public async Task A_booking_made_right_after_a_cancel_on_this_instance_gets_the_slot()
    {
        var (room, holder, booking) = await BookedAsync("Cancel then book");
        var next = await app.SignInNewAsync();
        await (await next.BookAsync(room, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");

        await (await holder.PostAsync($"/api/bookings/{booking}/cancel")).ShouldBe(HttpStatusCode.OK);

        await next.BookOkAsync(room, Today, "10:00");
    }

    [Fact]
    public async Task A_cancel_committed_by_another_instance_reaches_this_one_through_the_change_feed()
    {
        var (room, _, booking) = await BookedAsync("Cancelled elsewhere");
        Assert.True(Held.IsHeld(KeyOf(room)));

        // "Another instance": its own database context on the same database, without this instance's in-process hooks.
        await using (AppDbContext elsewhere = MeetingRoomFactory.OnPostgreSql
                         ? new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(app.ConnectionString).Options)
                         : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={app.DatabasePath}").Options))
        {
            var row = await elsewhere.Bookings.SingleAsync(b => b.Id == booking);
            Assert.True(row.Cancel(new Actor(row.BookedBy, IsAdmin: false), null, app.Clock.GetUtcNow()).IsOk);
            await elsewhere.SaveChangesAsync();
        }

        // Nothing in this process saw the commit: the feed (polling the outbox every second) brings it.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (Held.IsHeld(KeyOf(room))) await Task.Delay(20, wait.Token);
        await (await app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");
    }

    [Fact]
    public async Task A_member_in_line_still_gets_the_slot_when_it_frees_and_others_are_then_told_taken()
    {
        var (room, holder, booking) = await BookedAsync("Line behind the set");
        var waiting = await app.SignInNewAsync();
        await (await waiting.PostAsync("/api/waitlist", new { roomId = room, date = Today, start = "10:00" })).ShouldBe(HttpStatusCode.Created);
        var other = await app.SignInNewAsync();
        await (await other.BookAsync(room, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");

        await (await holder.PostAsync($"/api/bookings/{booking}/cancel")).ShouldBe(HttpStatusCode.OK);
        await app.WaitForHandlerAsync(WaitlistHandOver.HandlerName);
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);

        var mine = await waiting.GetJsonAsync<List<BookingDto>>("/api/me/bookings");
        Assert.Contains(mine, b => b.RoomId == room && b.State == BookingState.Confirmed);
        await (await other.BookAsync(room, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
    }
}

/// <summary>Without the change feed, this instance's own cancel still frees the slot at once (evicted right after the commit).</summary>
public sealed class HeldSlotLocalEvictionTests(NoHeldSlotFeedFactory app) : IClassFixture<NoHeldSlotFeedFactory>
{
    [Fact]
    public async Task A_cancel_on_this_instance_frees_the_slot_without_the_change_feed()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Local eviction");
        var holder = await app.SignInNewAsync();
        var booking = await holder.BookOkAsync(room, Today, "10:00");
        var next = await app.SignInNewAsync();
        await (await next.BookAsync(room, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
        using (var scope = app.Services.CreateScope())
            Assert.DoesNotContain(scope.ServiceProvider.GetServices<IChangeFeedSubscriber>(), s => s is HeldSlotsFeed);

        await (await holder.PostAsync($"/api/bookings/{booking}/cancel")).ShouldBe(HttpStatusCode.OK);

        await next.BookOkAsync(room, Today, "10:00");
    }
}
