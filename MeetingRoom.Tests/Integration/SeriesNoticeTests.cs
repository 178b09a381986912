using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Series;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Notifications;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// A series' notifications (issue 22): one per series or per change of it, never one per occurrence; the no-show strikes
/// tell the booker and the admin who made the series; the admin who did a change is not told of it in their own inbox.
/// </summary>
public sealed class SeriesNoticeTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private static readonly SeriesRule FiveTuesdays = new(SeriesFrequency.Weekly, Count: 5, ByWeekday: [DayOfWeek.Tuesday]);

    private static async Task<List<JsonElement>> InboxAsync(ApiClient member) =>
        (await member.GetJsonAsync<JsonElement>("/api/me/notifications")).GetProperty("items").EnumerateArray().ToList();

    private static string[] Kinds(List<JsonElement> items) => items.Select(i => i.GetProperty("kind").GetString()!).Order().ToArray();

    private async Task<(BookingSeries Series, ApiClient Admin, ApiClient Member, string AdminId)> SeedAsync(string roomName)
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var adminId = await app.IdOfAsync(admin);
        var series = await app.SeedSeriesAsync(await admin.CreateRoomAsync(roomName), await app.IdOfAsync(member), adminId, Tuesday, FiveTuesdays);
        return (series, admin, member, adminId);
    }

    [Fact]
    public async Task A_new_series_tells_its_booker_once_not_once_per_occurrence()
    {
        var (_, _, member, _) = await SeedAsync("Notice created");
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);

        var item = Assert.Single(await InboxAsync(member));

        Assert.Equal(nameof(NotificationKind.SeriesCreated), item.GetProperty("kind").GetString());
        Assert.Contains("Team sync", item.GetProperty("title").GetString());
        Assert.Contains("5 occurrences", item.GetProperty("body").GetString());
    }

    [Fact]
    public async Task The_admin_who_made_a_series_finds_nothing_of_it_in_their_own_inbox()
    {
        var (_, admin, _, _) = await SeedAsync("Notice maker");
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);

        Assert.Empty(await InboxAsync(admin));
    }

    [Fact]
    public async Task Cancelling_occurrences_at_once_tells_the_booker_once_with_how_many()
    {
        var (series, _, member, adminId) = await SeedAsync("Notice following");
        var now = app.Clock.GetUtcNow();

        await app.ChangeSeriesAsync(series.Id, b => b.CancelForSeries(Actor.Admin(adminId), CancellationCause.SeriesCancelled, now),
            [Tuesday.AddDays(21), Tuesday.AddDays(28)]);
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);

        var items = await InboxAsync(member);
        Assert.Equal([nameof(NotificationKind.SeriesCreated), nameof(NotificationKind.SeriesOccurrencesCancelled)], Kinds(items));
        var cancelled = items.Single(i => i.GetProperty("kind").GetString() == nameof(NotificationKind.SeriesOccurrencesCancelled));
        Assert.Contains("2 occurrence", cancelled.GetProperty("body").GetString());
    }

    [Fact]
    public async Task The_strikes_tell_the_booker_and_the_admin_who_made_the_series_and_nothing_per_occurrence()
    {
        var (series, admin, member, adminId) = await SeedAsync("Notice strikes");
        var now = app.Clock.GetUtcNow();
        BookingState[] threeNoShows = [BookingState.Released, BookingState.Released, BookingState.Released];

        await app.ChangeSeriesAsync(series.Id, b => b.CancelForSeries(Actor.Admin(adminId), CancellationCause.SeriesNoShows, now),
            [Tuesday, Tuesday.AddDays(7), Tuesday.AddDays(14)], s => s.EndForNoShows(threeNoShows, 3, now));
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);

        Assert.Equal([nameof(NotificationKind.SeriesCreated), nameof(NotificationKind.SeriesEnded)], Kinds(await InboxAsync(member)));
        var told = Assert.Single(await InboxAsync(admin));
        Assert.Equal(nameof(NotificationKind.SeriesEnded), told.GetProperty("kind").GetString());
        Assert.Contains("3 times in a row", told.GetProperty("body").GetString());
    }
}
