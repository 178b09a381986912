using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// Keeps <see cref="HeldSlots"/> right when another instance commits: every event of this instance's change feed is
/// applied to this instance's set (a freed slot is forgotten), in memory, with no query. It runs behind no stored
/// handler, so it hears a commit as soon as the feed reads it: at once for this instance's own commits (which
/// <see cref="HeldSlotsEvictor"/> has already applied), on the Redis wake-up or the feed's safety poll
/// (<c>Outbox:PollMilliseconds</c>) for another instance's. Singleton.
/// </summary>
public sealed class HeldSlotsFeed(HeldSlots held) : IChangeFeedSubscriber
{
    public Task OnChangesAsync(ChangeBatch batch, CancellationToken ct)
    {
        foreach (var entry in batch.Entries) held.Apply(entry.Event);
        return Task.CompletedTask;
    }
}
