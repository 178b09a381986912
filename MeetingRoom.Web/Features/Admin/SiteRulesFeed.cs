using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>
/// Applies <see cref="SiteRulesChanged"/> from the outbox change feed on this instance, whichever instance saved:
/// drops the older copy of the site rules (<see cref="SiteRulesProvider.InvalidateBefore"/>; the default language is
/// read from the same copy), then tells this instance's screens to reload their snapshot (a <see cref="ScheduleUpdate"/>
/// with <c>RoomsChanged</c>: the periods and windows they show may have changed). The cursor is this process's own,
/// in memory (no write per batch); it runs behind no other handler. Scoped (one per batch).
/// </summary>
public sealed class SiteRulesFeed(SiteRulesProvider rules, ScheduleNotifier schedule, IOptions<InstanceOptions> instance) : IOutboxHandler
{
    private bool _changed;

    public string Name => $"site-rules:{instance.Value.Name}";

    public bool StoresCursor => false;

    public Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (domainEvent is SiteRulesChanged changed)
        {
            rules.InvalidateBefore(changed.Version);
            _changed = true;
        }
        return Task.CompletedTask;
    }

    /// <summary>Once the batch is applied: screens reload under the new rules (the copy was dropped first).</summary>
    public Task AfterCommitAsync(CancellationToken ct) =>
        _changed ? schedule.PublishAsync(new ScheduleUpdate([], RoomsChanged: true)) : Task.CompletedTask;
}
