using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace MeetingRoom.Tests.Infrastructure;

/// <summary>
/// A gap in outbox ids (an id drawn by a transaction that has not committed, or never will: a killed instance's) holds
/// back what follows it for the grace period, then is skipped; the loop re-checks when the grace ends (IsHolding).
/// </summary>
public sealed class OutboxGapTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private static List<OutboxMessage> Messages(params long[] ids) => ids.Select(id => new OutboxMessage { Id = id }).ToList();

    [Fact]
    public void A_gap_holds_back_what_follows_it_and_says_so()
    {
        var clock = new FakeTimeProvider();
        var gap = new GapTracker();

        var taken = gap.TakeContiguous(10, Messages(11, 13, 14), clock, Grace);

        Assert.Equal([11L], taken.Select(m => m.Id));
        Assert.True(gap.IsHolding);
    }

    [Fact]
    public void After_the_grace_the_gap_is_skipped_and_nothing_is_held()
    {
        var clock = new FakeTimeProvider();
        var gap = new GapTracker();
        gap.TakeContiguous(11, Messages(13, 14), clock, Grace);

        clock.Advance(Grace);
        var taken = gap.TakeContiguous(11, Messages(13, 14), clock, Grace);

        Assert.Equal([13L, 14L], taken.Select(m => m.Id));
        Assert.False(gap.IsHolding);
    }
}
