namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>Configuration section "Outbox": how this instance's <see cref="ChangeFeed"/> reads the outbox.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    /// <summary>Most messages read (and applied by each stored handler) in one pass.</summary>
    public int BatchSize { get; set; } = 500;
    /// <summary>
    /// The safety poll (milliseconds): how often the feed looks for rows nobody woke it for (another instance's
    /// commit without Redis, a lost wake-up). One SQL command per poll when idle. Wake-ups, not this poll, are the
    /// path: a commit here wakes the feed at once (<see cref="OutboxSignal"/>), and with Redis so does a commit on
    /// another instance, so with Redis it can be much slower.
    /// </summary>
    public int PollMilliseconds { get; set; } = 2000;
    /// <summary>First retry delay after a failure (of a handler, or of a whole pass); doubles up to <see cref="MaxBackoffMilliseconds"/>.</summary>
    public int BackoffMilliseconds { get; set; } = 200;
    public int MaxBackoffMilliseconds { get; set; } = 30_000;
    /// <summary>
    /// How long a gap in outbox ids is waited for before it is skipped (SQL Server hands out identity
    /// values before commit, so a later id can commit first; a rolled-back one never does).
    /// </summary>
    public int GapGraceMilliseconds { get; set; } = 5_000;

    /// <summary>
    /// After a wake-up, how long the feed waits for more commits before reading (milliseconds; 0 = off).
    /// Under load this turns a pass per commit into a pass per few commits (each pass claims the stored cursors
    /// and, on SQLite, holds the single writer); every live push is that much later. Measured in docs/benchmarks.md.
    /// </summary>
    public int GatherMilliseconds { get; set; } = 10;
}
