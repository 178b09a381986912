using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Outbox;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>
/// Applies <see cref="SiteRulesChanged"/> from this instance's change feed, whichever instance saved: drops the older
/// copy of the site rules (<see cref="SiteRulesProvider.InvalidateBefore"/>; the default language is read from the same
/// copy), then tells this instance's screens to reload their snapshot (a <see cref="ScheduleUpdate"/> with
/// <c>RoomsChanged</c>: the periods and windows they show may have changed). It waits for no stored handler and drops
/// the copy before its first await, so the schedule push of the same batch already computes under the new rules
/// (it is registered before <see cref="LiveSchedulePusher"/>). Singleton.
/// </summary>
public sealed class SiteRulesFeed(SiteRulesProvider rules, ScheduleNotifier schedule) : IChangeFeedSubscriber
{
    public Task OnChangesAsync(ChangeBatch batch, CancellationToken ct)
    {
        var changed = false;
        foreach (var entry in batch.Entries)
        {
            if (entry.Event is not SiteRulesChanged c) continue;
            rules.InvalidateBefore(c.Version);
            changed = true;
        }
        return changed ? schedule.PublishAsync(new ScheduleUpdate([], RoomsChanged: true)) : Task.CompletedTask;
    }
}
