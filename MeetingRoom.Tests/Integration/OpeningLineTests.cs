using System.Net;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Bookings;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// F2 at the opening instant: a booking request a few seconds early waits for the window to open instead of being
/// told not-open-yet; the first to arrive is tried at the instant and everyone gets a definitive answer then.
/// The site's windows open at the period start (the default rule); the 13:00 period opens at 13:00 site time.
/// </summary>
public sealed class OpeningLineTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Opening = DateTimeOffset.Parse($"{Today}T13:00:00+09:00");
    private readonly MeetingRoomFactory _app = new() { Clock = new TestClock(Opening.AddSeconds(-5)) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private OpeningLine Line => _app.Services.GetRequiredService<OpeningLine>();
    private SlotTurns Turns => _app.Services.GetRequiredService<SlotTurns>();

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }

    private async Task<int> RoomAsync() => await (await _app.SignInNewAsync(admin: true)).CreateRoomAsync("Harbor");

    [Fact]
    public async Task A_request_five_seconds_early_waits_and_is_booked_at_the_opening()
    {
        var room = await RoomAsync();
        var member = await _app.SignInNewAsync();

        var early = member.BookAsync(room, Today, "13:00");
        await Until(() => Line.Waiting == 1);
        Assert.False(early.IsCompleted);
        _app.Clock.Set(Opening);

        await (await early).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_first_in_line_wins_and_everyone_behind_is_told_taken_at_the_opening()
    {
        var room = await RoomAsync();
        var first = await _app.SignInNewAsync();
        var others = new List<ApiClient>();
        for (var i = 0; i < 19; i++) others.Add(await _app.SignInNewAsync());

        var firstAnswer = first.BookAsync(room, Today, "13:00");
        await Until(() => Line.Waiting == 1);
        var behind = others.Select(o => o.BookAsync(room, Today, "13:00")).ToArray();
        await Until(() => Turns.Waiting == behind.Length);
        Assert.DoesNotContain(behind, b => b.IsCompleted);
        _app.Clock.Set(Opening);

        await (await firstAnswer).ShouldBe(HttpStatusCode.Created);
        foreach (var answer in behind) await (await answer).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
    }

    [Fact]
    public async Task A_request_more_than_ten_seconds_early_is_told_not_open_yet()
    {
        var room = await RoomAsync();
        var member = await _app.SignInNewAsync();
        _app.Clock.Set(Opening.AddSeconds(-11));

        var problem = await (await member.BookAsync(room, Today, "13:00")).ShouldBeProblem(HttpStatusCode.Conflict, "not-open-yet");

        Assert.Equal(0, Line.Waiting);
        Assert.True(problem.TryGetProperty("opensAt", out _));
    }

    [Fact]
    public async Task A_room_taken_out_of_service_while_its_line_waits_is_not_booked()
    {
        var admin = await _app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Quay");
        var member = await _app.SignInNewAsync();

        var early = member.BookAsync(room, Today, "13:00");
        await Until(() => Line.Waiting == 1);
        await (await admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Leak" })).ShouldBe(HttpStatusCode.OK);
        _app.Clock.Set(Opening);

        await (await early).ShouldBeProblem(HttpStatusCode.Conflict, "room-out-of-service");
    }

    [Fact]
    public async Task One_member_in_line_for_two_rooms_of_one_period_gets_one_and_a_member_limit()
    {
        var admin = await _app.SignInNewAsync(admin: true);
        var (north, south) = (await admin.CreateRoomAsync("North"), await admin.CreateRoomAsync("South"));
        var member = await _app.SignInNewAsync();

        var both = new[] { member.BookAsync(north, Today, "13:00"), member.BookAsync(south, Today, "13:00") };
        await Until(() => Line.Waiting == 2);
        _app.Clock.Set(Opening);
        var answers = await Task.WhenAll(both.Select(async b => await Burst.AnswerOf(await b)));

        Assert.Single(answers, a => a.Is(HttpStatusCode.Created));
        Assert.Single(answers, a => a.Is(HttpStatusCode.Conflict, "member-limit"));
    }
}
