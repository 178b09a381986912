using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingRoom.Tests.Browser;

namespace MeetingRoom.Tests.ScaleOut;

/// <summary>
/// Settings saved through one instance decide the very next booking on the other (issue 21, item 4): a timetable
/// change through A, then at once a booking through B, with no wait in between. Each test puts the timetable back.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class SettingsScaleOutTests(ScaleOutCluster cluster)
{
    /// <summary>The period the tests add after the site's last one.</summary>
    private const string Added = "21:00";

    private sealed record PeriodDto(string Start, string End);
    private sealed record TimetableDto(string TimeZone, List<PeriodDto> Periods);

    private static async Task<TimetableDto> TimetableOnAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<TimetableDto>("/api/admin/timetable"))!;

    private static async Task PutTimetableAsync(HttpClient admin, TimetableDto timetable) =>
        (await admin.PutAsJsonAsync("/api/admin/timetable", timetable)).EnsureSuccessStatusCode();

    private static TimetableDto WithAddedPeriod(TimetableDto old)
    {
        Assert.True(string.CompareOrdinal(old.Periods[^1].End, Added) < 0, $"The site's last period must end before {Added}.");
        return old with { Periods = [.. old.Periods, new PeriodDto(Added, "21:50")] };
    }

    private static async Task<HttpResponseMessage> BookAsync(HttpClient member, int roomId, string date, string start) =>
        await member.PostAsJsonAsync("/api/bookings", new { roomId, date, start });

    [Fact]
    public async Task A_period_added_through_A_is_bookable_through_B_at_once_and_a_hub_client_on_B_sees_the_booking()
    {
        var date = ScaleOutCluster.Day(4);
        var room = cluster.RoomIds[2];
        using var admin = await ScaleOutCluster.SignInAsync(cluster.A.BaseUrl, "admin@demo.local");
        using var member = await ScaleOutCluster.SignInAsync(cluster.B.BaseUrl, "member2@demo.local");
        var old = await TimetableOnAsync(admin);
        await using var hub = await NodeHubClient.StartAsync(cluster.B.BaseUrl, date);
        try
        {
            await PutTimetableAsync(admin, WithAddedPeriod(old));
            using var answer = await BookAsync(member, room, date, Added);
            Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}\n{cluster.Logs}");
            var id = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            var change = await hub.NextChangeAsync(c => c.GetProperty("roomId").GetInt32() == room && c.GetProperty("start").GetString() == Added
                && c.GetProperty("state").GetString() == "Booked");

            Assert.Equal(id, change.GetProperty("bookingId").GetGuid());
            (await member.PostAsJsonAsync($"/api/bookings/{id}/cancel", new { })).EnsureSuccessStatusCode();
        }
        finally
        {
            await PutTimetableAsync(admin, old);
        }
    }

    [Fact]
    public async Task A_period_removed_through_A_is_refused_through_B_at_once()
    {
        var date = ScaleOutCluster.Day(4);
        var room = cluster.RoomIds[3];
        using var admin = await ScaleOutCluster.SignInAsync(cluster.A.BaseUrl, "admin@demo.local");
        using var onB = await ScaleOutCluster.SignInAsync(cluster.B.BaseUrl, "admin@demo.local");
        using var member = await ScaleOutCluster.SignInAsync(cluster.B.BaseUrl, "member3@demo.local");
        var old = await TimetableOnAsync(admin);
        try
        {
            await PutTimetableAsync(admin, WithAddedPeriod(old));
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!(await TimetableOnAsync(onB)).Periods.Any(p => p.Start == Added)) // B holds the timetable with the period
            {
                Assert.True(DateTime.UtcNow < until, $"B never showed the added period.\n{cluster.Logs}");
                await Task.Delay(100);
            }

            await PutTimetableAsync(admin, old);
            using var answer = await BookAsync(member, room, date, Added);

            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Equal("urn:meetingroom:problem:unknown-period", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        }
        finally
        {
            await PutTimetableAsync(admin, old);
        }
    }
}
