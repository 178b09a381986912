using MeetingRoom.Web.Features.Insights;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Tests.Features.Insights;

/// <summary>The in-memory opening demand counters (issue 23) and what a failed write does to them.</summary>
public class OpeningDemandRecorderTests
{
    private static readonly SlotKey Harbor = new(new DateOnly(2026, 11, 23), 1, new TimeOnly(13, 0));
    private static readonly SlotKey Atlas = new(new DateOnly(2026, 11, 23), 2, new TimeOnly(13, 0));

    [Fact]
    public void Counts_attempts_and_refusals_per_slot_and_starts_again_after_a_take()
    {
        var recorder = new OpeningDemandRecorder();
        recorder.Record(Harbor, booked: true);
        recorder.Record(Harbor, booked: false);
        recorder.Record(Atlas, booked: false);

        var taken = recorder.TakeAll();

        Assert.Equal((2L, 1L), taken.Where(r => r.RoomId == 1).Select(r => (r.Attempts, r.Refused)).Single());
        Assert.Equal((1L, 1L), taken.Where(r => r.RoomId == 2).Select(r => (r.Attempts, r.Refused)).Single());
        Assert.Empty(recorder.TakeAll());
    }

    [Fact]
    public void Counts_from_many_threads_are_all_kept()
    {
        var recorder = new OpeningDemandRecorder();

        Parallel.For(0, 10_000, i => recorder.Record(i % 2 == 0 ? Harbor : Atlas, booked: i % 10 == 0));

        var taken = recorder.TakeAll();
        Assert.Equal(10_000L, taken.Sum(r => r.Attempts));
        Assert.Equal(9_000L, taken.Sum(r => r.Refused));
    }

    [Fact]
    public async Task A_failed_flush_keeps_the_counts_and_logs_a_warning()
    {
        var recorder = new OpeningDemandRecorder();
        recorder.Record(Harbor, booked: false);
        var down = new ServiceCollection()
            .AddScoped<AppDbContext>(_ => throw new InvalidOperationException("The database is down."))
            .BuildServiceProvider();
        var logger = new FakeLogger<OpeningDemandFlusher>();
        var flusher = new OpeningDemandFlusher(recorder, down.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new InsightsOptions()), TimeProvider.System, logger);
        recorder.Record(Harbor, booked: true);

        var written = await flusher.FlushAsync();
        recorder.Record(Harbor, booked: false); // counted while the write failed: added to what was given back

        Assert.Equal(0, written);
        Assert.Equal(LogLevel.Warning, logger.LatestRecord.Level);
        Assert.Equal((3L, 2L), recorder.TakeAll().Select(r => (r.Attempts, r.Refused)).Single());
    }
}
