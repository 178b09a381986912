using System.Text.Json;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Series;
using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The series badge (issue 22) on the read side: a series occurrence carries its series and title through the schedule read
/// model (the schedule API, what boards and the Book page load) and My bookings, and a retitled occurrence shows its new title.
/// </summary>
public sealed class SeriesScheduleTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private static readonly SeriesRule ThreeTuesdays = new(SeriesFrequency.Weekly, Count: 3, ByWeekday: [DayOfWeek.Tuesday]);

    private async Task<(BookingSeries Series, ApiClient Admin, ApiClient Member, int Room)> SeedAsync(string roomName)
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync(roomName);
        var series = await app.SeedSeriesAsync(room, await app.IdOfAsync(member), await app.IdOfAsync(admin), Tuesday, ThreeTuesdays);
        await app.WaitForHandlerAsync();
        return (series, admin, member, room);
    }

    private static async Task<JsonElement> CellAsync(ApiClient client, int room, DateOnly date, string start = "10:00")
    {
        var schedule = await client.GetJsonAsync<JsonElement>($"/api/schedule?date={date:yyyy-MM-dd}");
        return schedule.GetProperty("rooms").EnumerateArray().Single(r => r.GetProperty("roomId").GetInt32() == room)
            .GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("start").GetString() == start);
    }

    [Fact]
    public async Task A_series_occurrence_shows_its_series_and_title_in_the_schedule()
    {
        var (series, _, member, room) = await SeedAsync("Series schedule");

        var cell = await CellAsync(member, room, Tuesday.AddDays(7));

        Assert.Equal("Booked", cell.GetProperty("state").GetString());
        Assert.Equal(series.Id, cell.GetProperty("seriesId").GetGuid());
        Assert.Equal("Team sync", cell.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_members_own_booking_has_no_series_in_the_schedule()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Series none");
        await member.BookOkAsync(room, MeetingRoomFactory.Today, "10:00");
        await app.WaitForHandlerAsync();

        var cell = await CellAsync(member, room, DateOnly.Parse(MeetingRoomFactory.Today));

        Assert.Equal(JsonValueKind.Null, cell.GetProperty("seriesId").ValueKind);
        Assert.Equal(JsonValueKind.Null, cell.GetProperty("title").ValueKind);
    }

    [Fact]
    public async Task The_booker_sees_each_occurrence_with_its_series_and_title_in_my_bookings()
    {
        var (series, _, member, _) = await SeedAsync("Series mine");

        var mine = (await member.GetJsonAsync<JsonElement>("/api/me/bookings")).EnumerateArray().ToList();

        Assert.Equal(3, mine.Count);
        Assert.All(mine, b => Assert.Equal(series.Id, b.GetProperty("seriesId").GetGuid()));
        Assert.All(mine, b => Assert.Equal("Team sync", b.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_retitled_occurrence_shows_its_new_title_and_the_others_keep_theirs()
    {
        var (series, admin, member, room) = await SeedAsync("Series retitled");
        var adminId = await app.IdOfAsync(admin);
        var booker = new MemberId(await app.IdOfAsync(member));

        await app.ChangeSeriesAsync(series.Id, b => b.ChangeSeriesDetails(Actor.Admin(adminId), "Planning", booker, b.BookedByName, app.Clock.GetUtcNow()),
            [Tuesday.AddDays(7)]);
        await app.WaitForHandlerAsync();

        Assert.Equal("Planning", (await CellAsync(member, room, Tuesday.AddDays(7))).GetProperty("title").GetString());
        Assert.Equal("Team sync", (await CellAsync(member, room, Tuesday)).GetProperty("title").GetString());
    }
}
