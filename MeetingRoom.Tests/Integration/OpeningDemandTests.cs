using System.Net;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Insights;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The demand at an opening (issue 23) on a real database (SQLite, and PostgreSQL in the PostgreSQL run): booking answers
/// given in the first minute after a slot's window opened are counted per slot in memory and added to table OpeningDemand
/// by <see cref="OpeningDemandFlusher"/>; later answers are not; two instances flushing the same slot add up.
/// Under the default rule a period's window opens at its start: the 13:00 period opens at 13:00 site time.
/// </summary>
public sealed class OpeningDemandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Opening = DateTimeOffset.Parse($"{Today}T13:00:00+09:00");
    private static readonly DateOnly Day = DateOnly.Parse(Today);
    private static readonly TimeOnly One = new(13, 0);
    private readonly MeetingRoomFactory _app = new() { Clock = new TestClock(Opening.AddSeconds(-30)) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private OpeningDemandFlusher Flusher => _app.Services.GetRequiredService<OpeningDemandFlusher>();

    private async Task<List<OpeningDemandRow>> RowsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OpeningDemand.AsNoTracking()
            .OrderBy(r => r.RoomId).ThenBy(r => r.PeriodStart).ToListAsync();
    }

    [Fact]
    public async Task Answers_in_the_first_minute_are_recorded_per_slot_and_flushed()
    {
        var admin = await _app.SignInNewAsync(admin: true);
        var harbor = await admin.CreateRoomAsync("Harbor");
        var atlas = await admin.CreateRoomAsync("Atlas");
        var members = new List<ApiClient>();
        for (var i = 0; i < 4; i++) members.Add(await _app.SignInNewAsync());
        _app.Clock.Set(Opening.AddSeconds(5));

        await (await members[0].BookAsync(harbor, Today, "13:00")).ShouldBe(HttpStatusCode.Created);
        await (await members[1].BookAsync(harbor, Today, "13:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
        await (await members[2].BookAsync(harbor, Today, "13:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
        _app.Clock.Set(Opening.AddSeconds(59));
        await (await members[3].BookAsync(atlas, Today, "13:00")).ShouldBe(HttpStatusCode.Created);
        await Flusher.FlushAsync();

        var rows = await RowsAsync();
        Assert.Equal(2, rows.Count);
        var h = rows.Single(r => r.RoomId == harbor);
        Assert.Equal((Day, One, 3L, 2L), (h.Date, h.PeriodStart, h.Attempts, h.Refused));
        var a = rows.Single(r => r.RoomId == atlas);
        Assert.Equal((Day, One, 1L, 0L), (a.Date, a.PeriodStart, a.Attempts, a.Refused));
    }

    [Fact]
    public async Task Answers_after_the_first_minute_or_before_the_opening_are_not_recorded()
    {
        var admin = await _app.SignInNewAsync(admin: true);
        var harbor = await admin.CreateRoomAsync("Harbor");
        var member = await _app.SignInNewAsync();
        var other = await _app.SignInNewAsync();

        await (await member.BookAsync(harbor, Today, "15:00")).ShouldBeProblem(HttpStatusCode.Conflict, "not-open-yet");
        _app.Clock.Set(Opening.AddMinutes(1));
        await (await other.BookAsync(harbor, Today, "13:00")).ShouldBe(HttpStatusCode.Created);
        await (await member.BookAsync(harbor, Today, "13:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
        await Flusher.FlushAsync();

        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task The_counts_are_written_every_few_seconds_of_the_clock_without_being_asked()
    {
        var admin = await _app.SignInNewAsync(admin: true);
        var harbor = await admin.CreateRoomAsync("Harbor");
        var member = await _app.SignInNewAsync();
        _app.Clock.Set(Opening.AddSeconds(1));

        await (await member.BookAsync(harbor, Today, "13:00")).ShouldBe(HttpStatusCode.Created);
        _app.Clock.Set(Opening.AddSeconds(30)); // past the next flush (Insights:DemandFlushSeconds, 5 by default)

        var rows = await RowsAsync();
        for (var i = 0; i < 500 && rows.Count == 0; i++) // the flush runs on the timer's thread: wait for its commit
        {
            await Task.Delay(20);
            rows = await RowsAsync();
        }
        Assert.Equal((harbor, 1L, 0L), rows.Select(r => (r.RoomId, r.Attempts, r.Refused)).Single());
    }

    [Fact]
    public async Task A_graceful_stop_writes_what_was_counted_since_the_last_flush()
    {
        var folder = Path.Combine(Path.GetTempPath(), "meetingroom-tests", Guid.NewGuid().ToString("N"));
        int harbor;
        await using (var first = new MeetingRoomFactory { Folder = folder, KeepDatabase = true, Clock = new TestClock(Opening.AddSeconds(2)) })
        {
            harbor = await (await first.SignInNewAsync(admin: true)).CreateRoomAsync("Harbor");
            await (await (await first.SignInNewAsync()).BookAsync(harbor, Today, "13:00")).ShouldBe(HttpStatusCode.Created);
        }
        await using var second = new MeetingRoomFactory { Folder = folder, Clock = new TestClock(Opening.AddMinutes(5)) };
        await using var scope = second.Services.CreateAsyncScope();

        var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OpeningDemand.AsNoTracking().SingleAsync();

        Assert.Equal((harbor, 1L), (row.RoomId, row.Attempts));
    }

    [Fact]
    public async Task Two_instances_flushing_the_same_slot_add_up()
    {
        var scopes = _app.Services.GetRequiredService<IServiceScopeFactory>();
        var slot = new SlotKey(Day, 7, One);
        var other = new SlotKey(Day, 8, One);
        var first = new OpeningDemandRecorder();
        var second = new OpeningDemandRecorder();
        for (var i = 0; i < 5; i++) first.Record(slot, booked: i == 0);
        for (var i = 0; i < 3; i++) second.Record(slot, booked: false);
        second.Record(other, booked: true);
        OpeningDemandFlusher FlusherOf(OpeningDemandRecorder recorder) =>
            new(recorder, scopes, Options.Create(new InsightsOptions()), TimeProvider.System, NullLogger<OpeningDemandFlusher>.Instance);

        var written = await Task.WhenAll(FlusherOf(first).FlushAsync(), FlusherOf(second).FlushAsync());
        first.Record(slot, booked: false);
        await FlusherOf(first).FlushAsync(); // a later batch of the first instance adds to the same row

        Assert.Equal([1, 2], written.Order());
        var rows = await RowsAsync();
        var s = rows.Single(r => r.RoomId == 7);
        Assert.Equal((9L, 8L), (s.Attempts, s.Refused));
        var o = rows.Single(r => r.RoomId == 8);
        Assert.Equal((1L, 0L), (o.Attempts, o.Refused));
        Assert.Equal(0, first.Pending + second.Pending);
    }
}
