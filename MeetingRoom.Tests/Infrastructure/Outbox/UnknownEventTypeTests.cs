using System.Net;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Infrastructure.Outbox;

/// <summary>Issue 21 item 5: an outbox row of a type this build does not know stops the change feed loudly, never skipped.</summary>
public sealed class UnknownEventTypeTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    [Fact]
    public async Task Unknown_event_type_stops_the_handlers_before_it_and_fails_readiness()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Behind an unknown event");
        long unknownId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = new OutboxMessage { Type = "NoSuchEvent", Payload = "{}", OccurredAt = app.Clock.GetUtcNow() };
            db.Outbox.Add(row);
            await db.SaveChangesAsync();
            unknownId = row.Id;
        }

        await (await app.SignInNewAsync()).BookOkAsync(room, Today, "10:00"); // an event after it, which wakes the feed
        await Eventually.HoldsAsync(async () => (await app.CreateClient().GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable,
            "readiness fails");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cursor = await db.OutboxCursors.SingleAsync(c => c.Handler == ScheduleProjection.HandlerName);
            Assert.True(cursor.LastMessageId < unknownId, $"the schedule cursor ({cursor.LastMessageId}) stays before the unknown row ({unknownId})");
        }
    }
}
