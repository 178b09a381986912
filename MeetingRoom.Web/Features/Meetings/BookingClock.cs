using MeetingRoom.Domain.Bookings;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure;
using MeetingRoom.Web.Infrastructure.Observability;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Meetings;

/// <summary>
/// The transitions the clock makes, driven by <see cref="TimeProvider"/>: auto-release of no-shows
/// (Confirmed and not checked in by the site's no-show limit after the period starts, or after the
/// booking was made if it was made after that: <see cref="Domain.Bookings.Booking.NoShowAt(TimeSpan)"/>), auto-end of
/// meetings still in progress when their period ends, "ending soon" reminders, and purging old
/// notifications. Every pass evaluates the rules against stored state, so a restart (or a missed
/// timer) loses nothing: what fell due meanwhile is done on the next pass. Each no-show released is counted
/// (<see cref="MeetingRoomMetrics.AutoReleased"/>).
/// </summary>
public sealed class BookingClock(IServiceScopeFactory scopes, SiteRulesProvider rules, TimeProvider clock, ILogger<BookingClock> logger,
    MeetingRoomMetrics metrics)
    : ClockDrivenService(clock, logger)
{
    /// <summary>One pass: does everything due now; returns the next instant something falls due (if known).</summary>
    public override async Task<DateTimeOffset?> RunOnceAsync(CancellationToken ct = default)
    {
        var site = await rules.GetAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notifications = scope.ServiceProvider.GetRequiredService<NotificationInbox>();
        var now = Clock.GetUtcNow();

        if (site.NoShowAfter is { } noShow)
        {
            var cutoff = now - noShow;
            // The no-show clock starts at the later of the period start and the booking instant (Booking.NoShowClockStart).
            var due = await db.Bookings.Where(b => b.State == BookingState.Confirmed && b.StartsAt <= cutoff && b.BookedAt <= cutoff)
                .Select(b => b.Id).ToListAsync(ct);
            foreach (var id in due)
                if (await TransitionAsync(db, id, b => b.Release(now, noShow), ct)) metrics.AutoReleased();
        }
        var over = await db.Bookings.Where(b => b.State == BookingState.InMeeting && b.EndsAt <= now).Select(b => b.Id).ToListAsync(ct);
        foreach (var id in over) await TransitionAsync(db, id, b => b.EndAtPeriodEnd(now), ct);

        await notifications.RemindEndingSoonAsync(ct);
        await notifications.PurgeAsync(ct);

        DateTimeOffset? next = null;
        if (site.NoShowAfter is { } n)
        {
            // The earliest clock start still running (a period start or a late booking instant); waking a little early is harmless.
            var byStart = await db.Bookings.Where(b => b.State == BookingState.Confirmed && b.StartsAt > now - n)
                .OrderBy(b => b.StartsAt).Select(b => (DateTimeOffset?)b.StartsAt).FirstOrDefaultAsync(ct);
            var byBooking = await db.Bookings.Where(b => b.State == BookingState.Confirmed && b.BookedAt > now - n)
                .OrderBy(b => b.BookedAt).Select(b => (DateTimeOffset?)b.BookedAt).FirstOrDefaultAsync(ct);
            next = new[] { byStart, byBooking }.Where(x => x is not null).Min() + n;
        }
        var nextEnd = await db.Bookings.Where(b => b.State == BookingState.InMeeting && b.EndsAt > now)
            .OrderBy(b => b.EndsAt).Select(b => (DateTimeOffset?)b.EndsAt).FirstOrDefaultAsync(ct);
        var nextReminder = await notifications.NextReminderAsync(ct);
        return new[] { next, nextEnd, nextReminder }.Where(x => x is not null).Min();
    }

    /// <summary>
    /// One booking per save: a check-in racing the release wins or loses cleanly (state is a concurrency token).
    /// Returns whether the transition was saved.
    /// </summary>
    private async Task<bool> TransitionAsync(AppDbContext db, Guid id, Func<Domain.Bookings.Booking, BookingResult> transition, CancellationToken ct)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null || !transition(booking).IsOk) return false;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Booking {Id} changed while the clock acted on it; left as it is now.", id);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
