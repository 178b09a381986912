using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Series;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// No ghost meetings (issue 22, Robin's "strikes"), a stored outbox handler like the waitlist hand-over: when an occurrence of an
/// active series is released as a no-show (<see cref="BookingReleased"/>), it counts the no-shows in a row among the series'
/// occurrences up to that one, newest first (<see cref="BookingSeries.NoShowsInARow"/>: cancelled ones skipped, a meeting held
/// breaks the row). At the site's <c>seriesNoShowStrikes</c> (<see cref="SiteRules.SeriesNoShowStrikes"/>; 0 = never) the series
/// ends (<see cref="BookingSeries.EndForNoShows"/>, raising <see cref="SeriesEndedForNoShows"/>, which the notifications turn into
/// messages to the booker and the admin who made it) and its occurrences that have not started are cancelled
/// (<see cref="Booking.CancelForSeries"/>, cause <see cref="CancellationCause.SeriesNoShows"/>, by the system): all in the change
/// feed's save of this handler, one transaction, so their slots are freed and pushed like any cancel. Idempotent: an event offered
/// again finds the series no longer active. Scoped (one per dispatched batch).
/// </summary>
public sealed class SeriesStrikes(SiteRulesProvider rules, TimeProvider clock, ILogger<SeriesStrikes> logger) : IOutboxHandler
{
    public const string HandlerName = "series-strikes";

    /// <summary>Who ends a series for its no-shows: the application itself, with an admin's rights over the occurrences.</summary>
    private static readonly Actor System = new(MemberId.System, IsAdmin: true);

    public string Name => HandlerName;

    public async Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
    {
        // The event names the series: a release of a booking that is no occurrence costs no query.
        if (domainEvent is not BookingReleased { SeriesId: { } seriesId } released) return;
        var startsAt = released.Slot.StartsAt;
        var strikes = (await rules.GetAsync(ct)).SeriesNoShowStrikes;
        if (strikes < 1) return;
        var series = await db.Series.FirstOrDefaultAsync(s => s.Id == seriesId, ct);
        if (series is null || series.State is not SeriesState.Active) return;

        var newestFirst = await db.Bookings.AsNoTracking()
            .Where(b => b.SeriesId == seriesId && b.StartsAt <= startsAt)
            .OrderByDescending(b => b.StartsAt)
            .Select(b => b.State)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        if (!series.EndForNoShows(newestFirst, strikes, now).IsOk) return;

        var upcoming = await db.Bookings
            .Where(b => b.SeriesId == seriesId && b.StartsAt > now && (b.State == BookingState.Confirmed || b.State == BookingState.PendingApproval))
            .ToListAsync(ct);
        foreach (var booking in upcoming) booking.CancelForSeries(System, CancellationCause.SeriesNoShows, now);
        logger.LogInformation("Series {Series} ended after {Strikes} no-shows in a row; {Cancelled} upcoming occurrences cancelled.",
            seriesId, strikes, upcoming.Count);
    }

    public Task AfterCommitAsync(CancellationToken ct) => Task.CompletedTask;
}
