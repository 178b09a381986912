using MeetingRoom.Web.Features.Bookings;
using System.Net;
using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Series;
using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// A series (issue 22) in its booker's personal feed: ONE event with an RRULE and an EXDATE for each date that is not an
/// active occurrence of theirs, the same UID across changes and a growing SEQUENCE, parsed back with Ical.Net.
/// </summary>
public sealed class SeriesCalendarTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private static readonly SeriesRule FourTuesdays = new(SeriesFrequency.Weekly, Count: 4, ByWeekday: [DayOfWeek.Tuesday]);

    private static async Task<Ical.Net.Calendar> FeedAsync(MeetingRoomFactory app, ApiClient member)
    {
        var url = (await member.GetJsonAsync<JsonElement>("/api/me/calendar-feed")).GetProperty("url").GetString()!;
        var response = await app.Anonymous().GetAsync(new Uri(url).PathAndQuery);
        await response.ShouldBe(HttpStatusCode.OK);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>A series of four Tuesdays for a member, whose second Tuesday another series held first and whose third was cancelled.</summary>
    private async Task<(BookingSeries Series, ApiClient Member, string AdminId)> SeedAsync(string roomName)
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var other = await app.SignInNewAsync();
        var adminId = await app.IdOfAsync(admin);
        var room = await admin.CreateRoomAsync(roomName, floor: 2);
        await app.SeedSeriesAsync(room, await app.IdOfAsync(other), adminId, Tuesday.AddDays(7),
            new SeriesRule(SeriesFrequency.Weekly, Count: 1, ByWeekday: [DayOfWeek.Tuesday]), "Other team");
        var series = await app.SeedSeriesAsync(room, await app.IdOfAsync(member), adminId, Tuesday, FourTuesdays);
        await app.ChangeSeriesAsync(series.Id, b => b.CancelForSeries(Actor.Admin(adminId), CancellationCause.SeriesCancelled, app.Clock.GetUtcNow()),
            [Tuesday.AddDays(14)]);
        return (series, member, adminId);
    }

    [Fact]
    public async Task The_feed_holds_a_series_as_one_event_with_its_rrule_and_an_exdate_for_each_skipped_or_cancelled_date()
    {
        var (series, member, _) = await SeedAsync("Series feed");

        var feed = await FeedAsync(app, member);

        var ev = Assert.Single(feed.Events); // its occurrences are not listed again on their own
        Assert.Equal($"series-{series.Id:D}@meetingroom", ev.Uid);
        Assert.Equal("Team sync", ev.Summary);
        Assert.Equal("CONFIRMED", ev.Status);
        Assert.Equal(2, ev.Sequence); // never changed (0 × 1000) + two EXDATEs
        Assert.Equal("Asia/Seoul", ev.Start!.TzId);
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0), ev.Start.Value);
        Assert.Equal(new DateTime(2026, 11, 24, 11, 50, 0), ev.End!.Value);
        var rule = Assert.Single(ev.RecurrenceRules);
        Assert.Equal(Ical.Net.FrequencyType.Weekly, rule.Frequency);
        Assert.Equal(4, rule.Count);
        Assert.Equal(DayOfWeek.Tuesday, Assert.Single(rule.ByDay).DayOfWeek);
        Assert.Equal([new DateTime(2026, 12, 1, 10, 0, 0), new DateTime(2026, 12, 8, 10, 0, 0)],
            ev.ExceptionDates.GetAllDates().Select(d => d.Value).Order().ToArray());
        Assert.Contains(feed.TimeZones, z => z.TzId == "Asia/Seoul");
    }

    [Fact]
    public async Task A_cancelled_series_keeps_its_uid_and_is_cancelled_with_a_higher_sequence()
    {
        var (series, member, adminId) = await SeedAsync("Series feed cancelled");
        var now = app.Clock.GetUtcNow();

        await app.ChangeSeriesAsync(series.Id, b => b.CancelForSeries(Actor.Admin(adminId), CancellationCause.SeriesCancelled, now),
            [Tuesday, Tuesday.AddDays(21)], s => s.Cancel(Actor.Admin(adminId), now));

        var ev = Assert.Single((await FeedAsync(app, member)).Events);
        Assert.Equal($"series-{series.Id:D}@meetingroom", ev.Uid);
        Assert.Equal("CANCELLED", ev.Status);
        Assert.Equal(1004, ev.Sequence); // changed once (1 × 1000) + four EXDATEs
    }

    [Fact]
    public async Task Add_to_calendar_on_an_occurrence_gives_the_series_event_not_a_second_one()
    {
        var (series, member, _) = await SeedAsync("Series occurrence ics");
        var occurrence = (await member.GetJsonAsync<List<BookingDto>>("/api/me/bookings")).First(b => b.SeriesId == series.Id);

        var response = await member.GetAsync($"/api/bookings/{occurrence.Id}/calendar.ics");

        await response.ShouldBe(HttpStatusCode.OK);
        var ev = Assert.Single(Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!.Events);
        Assert.Equal($"series-{series.Id:D}@meetingroom", ev.Uid);
        Assert.Single(ev.RecurrenceRules);
    }

    [Fact]
    public async Task Cancelling_one_occurrence_raises_the_series_event_s_sequence()
    {
        var (series, member, adminId) = await SeedAsync("Series feed one cancelled");
        var before = Assert.Single((await FeedAsync(app, member)).Events).Sequence;

        await app.ChangeSeriesAsync(series.Id, b => b.CancelForSeries(Actor.Admin(adminId), CancellationCause.SeriesCancelled, app.Clock.GetUtcNow()),
            [Tuesday.AddDays(21)]);

        var ev = Assert.Single((await FeedAsync(app, member)).Events);
        Assert.True(ev.Sequence > before, $"SEQUENCE {ev.Sequence} after an occurrence was cancelled, {before} before");
        Assert.Equal(3, ev.ExceptionDates.GetAllDates().Count());
    }
}
