using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Bunit;
using MeetingRoom.Domain.Series;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule.Door.Pages;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The door display (D1) in-process on the real app: each state in words, changed live by the one path when a
/// booking is made, started and ended through the API, and blank for an unknown or revoked token.
/// </summary>
public sealed class DoorDisplayTests : ComponentTestContext
{
    private LiveComponentApp _app = default!;
    private ApiClient _admin = default!;

    private async Task StartAsync(DateTimeOffset at)
    {
        _app = new LiveComponentApp(at);
        _ = _app.Services;
        _app.AddTo(Services);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _admin = await _app.SignInNewAsync(admin: true);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private async Task<(int Room, int Display, string Token)> DoorOfNewRoomAsync(string name)
    {
        var room = await _admin.CreateRoomAsync(name);
        var response = await _admin.PostAsync($"/api/rooms/{room}/door-displays");
        await response.ShouldBe(HttpStatusCode.Created);
        var body = await response.Json();
        return (room, body.GetProperty("id").GetInt32(), body.GetProperty("url").GetString()!["/door/".Length..]);
    }

    private IRenderedComponent<Door> Door(string token) => Render<Door>(ps => ps.Add(d => d.Token, token));

    private static string State(IRenderedComponent<Door> door) => door.Find("[data-testid=door]").GetAttribute("data-state")!;

    private static readonly TimeSpan Live = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Free_room_says_free_for_the_rest_of_the_day_with_the_room_name_and_site_clock()
    {
        await StartAsync(DefaultNow);
        var (_, _, token) = await DoorOfNewRoomAsync("Harbor");

        var door = Door(token);

        door.WaitForAssertion(() => Assert.Equal("Free", State(door)));
        Assert.Equal("Harbor", door.Find("[data-testid=door-room]").TextContent);
        Assert.Equal("for the rest of the day", door.Find("[data-testid=door-detail]").TextContent);
        Assert.Equal("10:05", door.Find("[data-testid=door-clock]").TextContent); // site time (Asia/Seoul), not UTC
        Assert.NotNull(door.Find("[data-testid=door-next-none]"));
    }

    [Fact]
    public async Task Door_changes_live_when_a_booking_is_made_started_and_ended_through_the_api()
    {
        await StartAsync(DefaultNow);
        var (room, _, token) = await DoorOfNewRoomAsync("Lagoon");
        var member = await _app.SignInNewAsync();
        var door = Door(token);
        door.WaitForAssertion(() => Assert.Equal("Free", State(door)));

        var booking = await member.BookOkAsync(room, Today, "10:00");

        door.WaitForAssertion(() => Assert.Equal("Booked", State(door)), Live);
        Assert.Equal("Starts 10:00", door.Find("[data-testid=door-detail]").TextContent);
        // booked at 10:05 during its period: the no-show clock starts then, so check in by 10:15
        Assert.Contains("Check in by 10:15 or it is released", door.Find("[data-testid=door-checkin]").TextContent);
        _app.Time.Advance(TimeSpan.FromSeconds(61));
        door.WaitForAssertion(() => Assert.Contains("in 8:59", door.Find("[data-testid=door-countdown]").TextContent), Live);

        await (await member.PostAsync($"/api/bookings/{booking}/start")).ShouldBe(HttpStatusCode.OK);
        door.WaitForAssertion(() => Assert.Equal("InMeeting", State(door)), Live);
        Assert.Equal("until 11:50", door.Find("[data-testid=door-detail]").TextContent);

        await (await member.PostAsync($"/api/bookings/{booking}/end")).ShouldBe(HttpStatusCode.OK);
        door.WaitForAssertion(() => Assert.Equal("Free", State(door)), Live);
    }

    [Fact]
    public async Task Later_booking_makes_the_room_free_until_it_starts_and_is_listed()
    {
        await StartAsync(DefaultNow);
        var (room, _, token) = await DoorOfNewRoomAsync("Meadow");
        await _admin.PutAsync("/api/admin/booking-window", new { mode = "DailyAt", dailyAt = "00:00", daysBefore = 1 });
        await (await _app.SignInNewAsync()).BookOkAsync(room, Today, "13:00");

        var door = Door(token);

        // the read model takes the booking a moment after it commits: until then the room is free all day
        door.WaitForAssertion(() => Assert.Equal("until 13:00", door.Find("[data-testid=door-detail]").TextContent), Live);
        Assert.Equal("Free", State(door));
        Assert.Contains("13:00", door.Find("[data-testid=door-next]").TextContent);
    }

    [Fact]
    public async Task Room_out_of_service_says_so_with_the_reason()
    {
        await StartAsync(DefaultNow);
        var (room, _, token) = await DoorOfNewRoomAsync("Cellar");
        var door = Door(token);
        door.WaitForAssertion(() => Assert.Equal("Free", State(door)));

        await (await _admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Water leak" })).ShouldBe(HttpStatusCode.OK);

        door.WaitForAssertion(() => Assert.Equal("OutOfService", State(door)), Live);
        Assert.Equal("Water leak", door.Find("[data-testid=door-detail]").TextContent);
    }

    [Fact]
    public async Task Unknown_token_shows_only_that_the_display_is_not_active()
    {
        await StartAsync(DefaultNow);

        var door = Door("no-such-token");

        door.WaitForAssertion(() => Assert.Equal("Inactive", State(door)));
        Assert.Equal("This door display is not active", door.Find("h1").TextContent);
    }

    [Fact]
    public async Task Revoked_display_goes_blank_at_once_by_the_push_without_the_clock_moving()
    {
        await StartAsync(DefaultNow);
        var (_, id, token) = await DoorOfNewRoomAsync("Attic");
        var door = Door(token);
        door.WaitForAssertion(() => Assert.Equal("Free", State(door)));

        await (await _admin.DeleteAsync($"/api/door-displays/{id}")).ShouldBe(HttpStatusCode.NoContent);

        door.WaitForAssertion(() => Assert.Equal("Inactive", State(door)), Live);
        Assert.Empty(door.FindAll("[data-testid=door-room]"));
    }

    [Fact]
    public async Task Revoking_another_door_display_of_the_room_leaves_this_one_on()
    {
        await StartAsync(DefaultNow);
        var (room, _, token) = await DoorOfNewRoomAsync("Loft");
        var other = await _admin.PostAsync($"/api/rooms/{room}/door-displays");
        var otherId = (await other.Json()).GetProperty("id").GetInt32();
        var door = Door(token);
        door.WaitForAssertion(() => Assert.Equal("Free", State(door)));
        var member = await _app.SignInNewAsync();

        await (await _admin.DeleteAsync($"/api/door-displays/{otherId}")).ShouldBe(HttpStatusCode.NoContent);
        await member.BookOkAsync(room, Today, "10:00"); // a later change still reaches this door

        door.WaitForAssertion(() => Assert.Equal("Booked", State(door)), Live);
    }

    [Fact]
    public async Task Door_reads_in_Korean_free_booked_with_its_check_in_deadline_and_in_meeting()
    {
        using var korean = InCulture.Use("ko");
        await StartAsync(DefaultNow);
        var (room, _, token) = await DoorOfNewRoomAsync("Lagoon");
        var member = await _app.SignInNewAsync();
        var door = Door(token);
        door.WaitForAssertion(() => Assert.Equal("Free", State(door)));
        Assert.Contains("사용 가능", door.Find(".door-state").TextContent);
        Assert.Equal("오늘 남은 시간 동안", door.Find("[data-testid=door-detail]").TextContent);
        Assert.Equal("오늘 남은 예약", door.Find("#door-next-title").TextContent);
        Assert.Equal("오늘 남은 예약이 없습니다", door.Find("[data-testid=door-next-none]").TextContent);
        Assert.Equal("현재 시각 10:05", door.Find("[data-testid=door-clock]").GetAttribute("aria-label"));

        var booking = await member.BookOkAsync(room, Today, "10:00");

        door.WaitForAssertion(() => Assert.Equal("Booked", State(door)), Live);
        Assert.Contains("예약됨", door.Find(".door-state").TextContent);
        Assert.Equal("10:00 시작", door.Find("[data-testid=door-detail]").TextContent);
        Assert.Contains("10:15까지 체크인하지 않으면 예약이 해제됩니다", door.Find("[data-testid=door-checkin]").TextContent);
        Assert.Equal("스캔하여 체크인", door.Find("[data-testid=door-qr] figcaption").TextContent);
        _app.Time.Advance(TimeSpan.FromSeconds(61));
        door.WaitForAssertion(() => Assert.Contains("8분 59초 후", door.Find("[data-testid=door-countdown]").TextContent), Live);

        await (await member.PostAsync($"/api/bookings/{booking}/start")).ShouldBe(HttpStatusCode.OK);
        door.WaitForAssertion(() => Assert.Equal("InMeeting", State(door)), Live);
        Assert.Contains("회의 중", door.Find(".door-state").TextContent);
        Assert.Equal("11:50까지", door.Find("[data-testid=door-detail]").TextContent);

        foreach (var english in new[] { "Free", "Booked", "In meeting", "until", "Starts", "Check in", "Later today", "Scan" })
            Assert.DoesNotContain(english, door.Find("[data-testid=door]").TextContent);
    }

    [Fact]
    public async Task Door_reads_in_Korean_out_of_service_and_not_active()
    {
        using var korean = InCulture.Use("ko");
        await StartAsync(DefaultNow);
        var (room, id, token) = await DoorOfNewRoomAsync("Cellar");
        var door = Door(token);
        door.WaitForAssertion(() => Assert.Equal("Free", State(door)));

        await (await _admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "누수" })).ShouldBe(HttpStatusCode.OK);

        door.WaitForAssertion(() => Assert.Equal("OutOfService", State(door)), Live);
        Assert.Contains("사용 중지", door.Find(".door-state").TextContent);
        Assert.DoesNotContain("Out of service", door.Markup);

        var unknown = Door("no-such-token");
        unknown.WaitForAssertion(() => Assert.Equal("Inactive", State(unknown)));
        Assert.Equal("사용이 중지된 도어 디스플레이입니다", unknown.Find("h1").TextContent);
    }

    [Fact]
    public async Task A_series_occurrence_placed_live_shows_its_title_and_the_series_badge()
    {
        await StartAsync(DefaultNow);
        var (room, _, token) = await DoorOfNewRoomAsync("Series door");
        var member = await _app.SignInNewAsync();
        var door = Door(token);
        door.WaitForAssertion(() => Assert.Equal("Free", State(door)));

        await _app.SeedSeriesAsync(room, await _app.IdOfAsync(member), await _app.IdOfAsync(_admin), DateOnly.Parse(Today),
            new SeriesRule(SeriesFrequency.Daily, Count: 2), "Team sync", "10:00");

        door.WaitForAssertion(() => Assert.Equal("Booked", State(door)), Live);
        Assert.Equal("“Team sync” Series", door.Find("[data-testid=door-series]").TextContent.Trim());
        Assert.NotNull(door.Find("[data-testid=door-series] [data-testid=series-badge]"));
    }
}
