using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;

namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// Computes an <see cref="InsightsReport"/> (issue 23) from the bookings, rooms, out-of-service intervals, opening
/// demand and waitlist, under the timetable in force. Scoped. The one source of the API, the CSV export and the page.
/// </summary>
public sealed class InsightsQuery(AppDbContext db, SiteRulesProvider rules, TimeProvider clock)
{
    /// <summary>The longest range a report covers (2 years).</summary>
    public const int MaxDays = 731;

    /// <summary>The report for <paramref name="filter"/>, or a problem (bad range, unknown floor or room).</summary>
    public Task<AppResult<InsightsReport>> GetAsync(InsightsFilter filter, CancellationToken ct)
    {
        _ = (db, rules, clock);
        throw new NotImplementedException("issue 23: the query is being written");
    }
}
