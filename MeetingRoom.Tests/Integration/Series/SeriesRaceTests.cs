using System.Net;
using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.SeriesApi;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Saving a long series while members book the same slots at once (issue 22): every request is released by one gate, truly
/// concurrent. The unique slot index decides each slot: no slot is ever held twice, and every occurrence a member's booking took
/// first is reported skipped (Booked), the others booked by the series. The members go for every other date (a series none of
/// whose occurrences is free is refused as a whole). Booking windows open 60 days ahead; limits are off.
/// </summary>
public sealed class SeriesRaceTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private const int Occurrences = 40;
    private const int Rounds = 3;

    [Fact]
    public async Task A_series_saved_while_members_book_its_slots_never_double_books_and_reports_every_skipped_occurrence()
    {
        var admin = await app.SignInNewAsync(admin: true);
        await (await admin.PutAsync("/api/admin/booking-window", new { mode = "LeadTime", leadMinutes = 60 * 24 * 60 })).ShouldBe(HttpStatusCode.OK);
        await (await admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 0, maxPerDay = 0, maxUpcoming = 0 })).ShouldBe(HttpStatusCode.OK);
        var members = new ApiClient[Occurrences / 2];
        for (var i = 0; i < members.Length; i++) members[i] = await app.SignInNewAsync();
        var dates = Enumerable.Range(0, Occurrences).Select(i => new DateOnly(2026, 11, 24).AddDays(i).ToString("yyyy-MM-dd")).ToArray();

        for (var round = 0; round < Rounds; round++)
        {
            var room = await admin.CreateRoomAsync($"Race {round} {Guid.NewGuid():N}");
            HttpResponseMessage? saved = null;
            var requests = members.Select((m, i) => (Func<Task<HttpResponseMessage>>)(() => m.BookAsync(room, dates[2 * i], "10:00")))
                .Prepend(async () => saved = await admin.PostAsync("/api/admin/series", Body(room, dates[0], Daily(Occurrences), skipConflicts: true)));

            var answers = await Burst.RunAsync(requests);

            await saved!.ShouldBe(HttpStatusCode.Created);
            var series = await saved.Json();
            var memberWon = members.Select((_, i) => dates[2 * i]).Where((_, i) => answers[i + 1].Status == HttpStatusCode.Created).ToHashSet();
            Assert.All(answers.Skip(1), a => Assert.True(a.Is(HttpStatusCode.Created) || a.Is(HttpStatusCode.Conflict, "slot-taken"), a.ToString()));
            foreach (var occurrence in series.GetProperty("occurrences").EnumerateArray())
            {
                var date = occurrence.GetProperty("date").GetString()!;
                Assert.Equal(memberWon.Contains(date) ? "Booked" : "Reserved", occurrence.GetProperty("state").GetString());
            }
            Assert.All(await ActiveBookingsPerDateAsync(room), count => Assert.Equal(1, count));
            Assert.Equal(Occurrences, (await ActiveBookingsPerDateAsync(room)).Count);
        }
    }

    private async Task<List<int>> ActiveBookingsPerDateAsync(int room)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Bookings.Where(b => b.RoomId == room && (b.State == BookingState.Confirmed || b.State == BookingState.PendingApproval || b.State == BookingState.InMeeting))
            .GroupBy(b => b.Date).Select(g => g.Count()).ToListAsync();
    }
}
