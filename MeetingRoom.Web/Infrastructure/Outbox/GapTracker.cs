namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// Holds back outbox messages behind a gap in ids until the gap has been seen for the grace period
/// (<see cref="OutboxOptions.GapGraceMilliseconds"/>; measured on the monotonic timestamp: this is about commit
/// timing, not the domain's clock). SQL Server and PostgreSQL hand out ids before commit, so a later id can commit
/// first; a rolled-back one never commits.
/// </summary>
public sealed class GapTracker
{
    private (long AfterId, long SeenAt)? _gap;

    /// <summary>Whether the last batch stopped at a gap still inside its grace period.</summary>
    public bool IsHolding => _gap is not null;

    /// <summary>The leading messages of <paramref name="batch"/> (ids after <paramref name="lastId"/>, ascending) that follow without a gap still in its grace.</summary>
    public List<OutboxMessage> TakeContiguous(long lastId, List<OutboxMessage> batch, TimeProvider clock, TimeSpan grace)
    {
        var expected = lastId + 1;
        for (var i = 0; i < batch.Count; i++, expected++)
        {
            if (batch[i].Id == expected) continue;
            var seenAt = _gap is { } g && g.AfterId == expected - 1 ? g.SeenAt : clock.GetTimestamp();
            _gap = (expected - 1, seenAt);
            if (clock.GetElapsedTime(seenAt) >= grace) { _gap = null; return batch; } // the missing id is not coming
            return batch[..i];
        }
        _gap = null;
        return batch;
    }
}
