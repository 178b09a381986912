using System.Net;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// F3 under a race, on a real SQLite file: a cancel frees a slot someone waits for while other members book it
/// directly at the same instant. The hand-over and the direct bookings meet at the same unique index: exactly
/// one of them holds the slot, never two, never none.
/// </summary>
public sealed class WaitlistRaceTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private const int Rounds = 8;
    private const int DirectBookers = 5;

    [Fact]
    public async Task A_cancel_racing_direct_bookings_with_someone_waiting_leaves_exactly_one_holder()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var rounds = new List<(int Room, ApiClient Holder, Guid Booking, ApiClient Waiter, ApiClient[] Direct)>();
        for (var i = 0; i < Rounds; i++)
        {
            var room = await admin.CreateRoomAsync($"Race line {i}");
            var holder = await app.SignInNewAsync();
            var booking = await holder.BookOkAsync(room, Today, "10:00");
            var waiter = await app.SignInNewAsync();
            await (await waiter.PostAsync("/api/waitlist", new { roomId = room, date = Today, start = "10:00" })).ShouldBe(HttpStatusCode.Created);
            var direct = new ApiClient[DirectBookers];
            for (var d = 0; d < DirectBookers; d++) direct[d] = await app.SignInNewAsync();
            rounds.Add((room, holder, booking, waiter, direct));
        }

        foreach (var round in rounds)
        {
            var requests = new List<Func<Task<HttpResponseMessage>>> { () => round.Holder.PostAsync($"/api/bookings/{round.Booking}/cancel") };
            // the direct bookers keep trying for a moment, so that some of them meet the hand-over
            requests.AddRange(round.Direct.Select(m => (Func<Task<HttpResponseMessage>>)(async () =>
            {
                HttpResponseMessage last = null!;
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    last = await m.BookAsync(round.Room, Today, "10:00");
                    if (last.StatusCode == HttpStatusCode.Created) break;
                }
                return last;
            })));

            var answers = await Burst.RunAsync(requests);

            Assert.DoesNotContain(answers, a => (int)a.Status >= 500);
        }
        await app.WaitForHandlerAsync(WaitlistHandOver.HandlerName);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var round in rounds)
        {
            var holders = await db.Bookings.Where(b => b.RoomId == round.Room && BookingStates.Active.Contains(b.State)).ToListAsync();
            var entry = await db.WaitlistEntries.SingleAsync(w => w.RoomId == round.Room);
            var holder = Assert.Single(holders);
            // the waiter holds the slot exactly when their place was served with it
            Assert.Equal(entry.State == WaitlistState.Served, entry.BookingId == holder.Id);
            Assert.Contains(entry.State, new[] { WaitlistState.Served, WaitlistState.Waiting });
        }
    }
}
