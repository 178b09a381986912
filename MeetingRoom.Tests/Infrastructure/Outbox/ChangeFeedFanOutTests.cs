using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingRoom.Tests.Infrastructure.Outbox;

/// <summary>The change feed's in-memory fan-out to this instance's subscribers.</summary>
[Trait("Database", "None")]
public sealed class ChangeFeedFanOutTests
{
    private static readonly Dictionary<string, IReadOnlyList<object>> NothingPublished = [];

    private static List<ChangeFeedEntry> Entries(params long[] ids) =>
        ids.Select(id => new ChangeFeedEntry(id, new InboxChanged("member-1", DateTimeOffset.UnixEpoch))).ToList();

    private sealed class Recording(string? runsAfter = null, bool fails = false) : IChangeFeedSubscriber
    {
        public List<long> Heard { get; } = [];
        public string? RunsAfter => runsAfter;
        public Task OnChangesAsync(ChangeBatch batch, CancellationToken ct)
        {
            Heard.AddRange(batch.Entries.Select(e => e.Id));
            return fails ? throw new InvalidOperationException("subscriber down (test)") : Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_stop_the_others()
    {
        var failing = new Recording(fails: true);
        var healthy = new Recording();
        var fanOut = new ChangeFeedFanOut([failing, healthy], NullLogger.Instance);
        fanOut.Start(0);

        await fanOut.DeliverAsync(Entries(1, 2), _ => 0, NothingPublished, CancellationToken.None);

        Assert.Equal([1L, 2L], healthy.Heard);
    }

    [Fact]
    public async Task A_subscriber_behind_a_handler_hears_only_what_that_handler_committed()
    {
        var behind = new Recording(runsAfter: "schedule");
        var fanOut = new ChangeFeedFanOut([behind], NullLogger.Instance);
        fanOut.Start(0);

        await fanOut.DeliverAsync(Entries(1, 2, 3), h => h == "schedule" ? 2 : 0, NothingPublished, CancellationToken.None);
        await fanOut.DeliverAsync(Entries(1, 2, 3), h => h == "schedule" ? 3 : 0, NothingPublished, CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], behind.Heard);
    }

    [Fact]
    public async Task Events_up_to_the_start_position_are_not_offered()
    {
        var subscriber = new Recording();
        var fanOut = new ChangeFeedFanOut([subscriber], NullLogger.Instance);
        fanOut.Start(2);

        await fanOut.DeliverAsync(Entries(1, 2, 3), _ => 0, NothingPublished, CancellationToken.None);

        Assert.Equal([3L], subscriber.Heard);
    }
}
