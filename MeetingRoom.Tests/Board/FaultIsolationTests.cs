using System.Collections.Concurrent;
using System.Net;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Board;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Board;

/// <summary>The app with the schedule projection wrapped in a switch that makes it fail on demand.</summary>
public sealed class FailingProjectionFactory : MeetingRoomFactory
{
    public FailSwitch Switch { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbox:BackoffMilliseconds", "20");
        builder.UseSetting("Outbox:MaxBackoffMilliseconds", "100");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IOutboxHandler>();
            services.AddScoped<IOutboxHandler>(sp => new SwitchedHandler(sp.GetRequiredService<ScheduleProjection>(), Switch));
        });
    }

    public sealed class FailSwitch
    {
        public volatile bool Failing;
        public int Failures;
        /// <summary>Outbox ids whose application was committed (each must appear once).</summary>
        public readonly ConcurrentQueue<long> Committed = new();
    }

    private sealed class SwitchedHandler(ScheduleProjection inner, FailSwitch sw) : IOutboxHandler
    {
        private readonly List<long> _batch = [];
        public string Name => inner.Name;

        public async Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
        {
            if (sw.Failing)
            {
                Interlocked.Increment(ref sw.Failures);
                throw new InvalidOperationException("Read side down (test).");
            }
            await inner.ApplyAsync(db, messageId, domainEvent, ct);
            _batch.Add(messageId);
        }

        public Task AfterCommitAsync(CancellationToken ct)
        {
            foreach (var id in _batch) sw.Committed.Enqueue(id);
            return inner.AfterCommitAsync(ct);
        }
    }
}

/// <summary>N2: booking, cancel, start and end keep working while the read side fails; it catches up after, losing nothing.</summary>
public sealed class FaultIsolationTests(FailingProjectionFactory app) : IClassFixture<FailingProjectionFactory>
{
    [Fact]
    public async Task Commands_succeed_while_the_projection_fails_and_the_read_model_catches_up_exactly_once()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var alice = await app.SignInNewAsync();
        var bob = await app.SignInNewAsync();
        var rooms = new[] { await admin.CreateRoomAsync("Fault A"), await admin.CreateRoomAsync("Fault B"), await admin.CreateRoomAsync("Fault C") };
        app.Switch.Failing = true;

        var a = await alice.BookOkAsync(rooms[0], Today, "10:00");
        await (await alice.PostAsync($"/api/bookings/{a}/start")).ShouldBe(HttpStatusCode.OK);
        await (await alice.PostAsync($"/api/bookings/{a}/end")).ShouldBe(HttpStatusCode.OK);
        var b = await bob.BookOkAsync(rooms[1], Today, "10:00");
        await (await bob.PostAsync($"/api/bookings/{b}/cancel")).ShouldBe(HttpStatusCode.OK);
        var c = await bob.BookOkAsync(rooms[2], Today, "10:00");
        await (await bob.PostAsync($"/api/bookings/{c}/start")).ShouldBe(HttpStatusCode.OK);
        await (await alice.BookAsync(rooms[0], Today, "10:00")).ShouldBe(HttpStatusCode.Created);
        await WaitUntilAsync(() => Volatile.Read(ref app.Switch.Failures) > 0);

        app.Switch.Failing = false;
        await app.WaitForHandlerAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var expected = await ScheduleProjection.FromWriteModelAsync(db);
        var actual = await db.ScheduleSlots.AsNoTracking().ToListAsync();
        Assert.Equal(Describe(expected), Describe(actual));
        var outboxIds = await db.Outbox.Select(m => m.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(outboxIds, app.Switch.Committed.Order().ToList());
    }

    private static List<string> Describe(IEnumerable<ScheduleSlotRow> rows) => rows
        .Select(r => $"{r.Date} {r.RoomId} {r.PeriodStart} {r.ActiveBookingId} {r.ActiveState} {r.BookedByName} {r.Since} {r.EndedEarly}")
        .Order().ToList();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition()) await Task.Delay(10, cts.Token);
    }
}
