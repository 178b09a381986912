using System.Collections.Concurrent;
using System.Net;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Schedule;

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
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref app.Switch.Failures) > 0), "the projection has failed");

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
}
