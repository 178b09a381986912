namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// A stored <see cref="IOutboxHandler"/> that hands what it just wrote to this instance's subscribers (e.g. the
/// schedule rows), so they need no query to tell the screens. The feed calls <see cref="TakePublished"/> once per
/// pass after the handler's changes were saved; what it returns reaches the subscribers only if the pass commits.
/// </summary>
public interface IPublishesChanges
{
    /// <summary>What was written since the last call (final values, not to be changed afterwards).</summary>
    IReadOnlyList<object> TakePublished();
}
