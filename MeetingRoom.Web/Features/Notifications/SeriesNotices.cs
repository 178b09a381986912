using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Series;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Notifications;

/// <summary>
/// What the events of a series (issue 22) tell whom, without words: shared by the notifications and the email. A series of
/// 500 occurrences must not flood its booker, so its occurrences' own events tell nothing one by one (a series occurrence's
/// BookingPlaced mails no confirmation, its BookingCancelled by the series no "cancelled by an admin"); instead:
/// <list type="bullet">
/// <item><see cref="SeriesCreated"/> → the booker, once (<see cref="NotificationKind.SeriesCreated"/>, with the series' .ics by email);</item>
/// <item><see cref="SeriesEdited"/> and the <see cref="BookingDetailsChanged"/> of one edit → the booker (SeriesChanged) and, when the
/// booker changed, the previous one (SeriesHandedOver), once per edit;</item>
/// <item><see cref="SeriesCancelled"/> → the booker (SeriesCancelled); the occurrences cancelled with "this occurrence" or "this and
/// following" → the booker, once per cancel (SeriesOccurrencesCancelled, with how many and from when);</item>
/// <item><see cref="SeriesEndedForNoShows"/> → the booker AND the admin who made the series (SeriesEnded, with the no-shows in a row).</item>
/// </list>
/// Who is told in the inbox: everyone above except the admin who did it (they just saw it happen: creating a series for oneself
/// puts nothing in one's own inbox); by email: everyone above, the admin included, because the email carries the series'
/// calendar event (one VEVENT with RRULE and EXDATE, <see cref="Calendar.SeriesCalendar"/>) that keeps their calendar right.
/// One change is recognised by the series and the instant of its events (<see cref="Notice.Key"/>): a service changes all the
/// occurrences of one edit or cancel in one transaction at one instant.
/// </summary>
public static class SeriesNotices
{
    /// <summary>
    /// One notice: for <paramref name="Member"/>, of <paramref name="Kind"/>, keyed on <paramref name="Key"/> (the series, or one
    /// change of it: the notification's BookingId, unique per member and kind), about <paramref name="SeriesId"/>, with its
    /// <paramref name="Facts"/>; <paramref name="Inbox"/>: also in the inbox (not only by email).
    /// </summary>
    public sealed record Notice(MemberId Member, NotificationKind Kind, Guid Key, Guid SeriesId, NotificationFacts Facts, bool Inbox);

    private static readonly BookingState[] Upcoming = [BookingState.PendingApproval, BookingState.Confirmed];

    /// <summary>Whether <paramref name="e"/> is told by a series notice (and so never as a single booking's).</summary>
    public static bool Handles(IDomainEvent e) => e is SeriesCreated or SeriesEdited or SeriesCancelled or SeriesEndedForNoShows or BookingDetailsChanged
        or BookingCancelled { Cause: CancellationCause.SeriesCancelled or CancellationCause.SeriesNoShows }
        or BookingPlaced { SeriesId: not null };

    /// <summary>The members whose inbox <paramref name="e"/> may change (no query; for the live bell).</summary>
    public static IEnumerable<MemberId> MembersToldOf(IDomainEvent e) => e switch
    {
        SeriesCreated x => [x.BookedBy],
        SeriesEdited x => [x.BookedBy, x.PreviousBooker],
        SeriesCancelled x => [x.BookedBy],
        SeriesEndedForNoShows x => [x.BookedBy, x.CreatedBy],
        BookingDetailsChanged x => [x.BookedBy, x.PreviousBooker],
        BookingCancelled { Cause: CancellationCause.SeriesCancelled } x => [x.BookedBy],
        _ => [],
    };

    /// <summary>The notices <paramref name="e"/> makes (empty for an event a series notice tells elsewhere, or for a series that is gone).</summary>
    public static async Task<IReadOnlyList<Notice>> OfAsync(AppDbContext db, IDomainEvent e, CancellationToken ct)
    {
        var seriesId = e switch
        {
            SeriesCreated x => x.SeriesId,
            SeriesEdited x => x.SeriesId,
            SeriesCancelled x => x.SeriesId,
            SeriesEndedForNoShows x => x.SeriesId,
            BookingDetailsChanged x => x.SeriesId,
            BookingCancelled { Cause: CancellationCause.SeriesCancelled } x =>
                await db.Bookings.AsNoTracking().Where(b => b.Id == x.BookingId).Select(b => b.SeriesId).FirstOrDefaultAsync(ct),
            _ => null, // the series' occurrences placed, or ended by the strikes: their series' notice tells
        };
        if (seriesId is not { } id || await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } series) return [];
        switch (e)
        {
            case SeriesCreated x:
            {
                var dates = await UpcomingDatesAsync(db, id, x.BookedBy, ct);
                var facts = await FactsAsync(db, series, dates.Count > 0 ? dates.Min() : series.FirstDate, dates.Count, ct);
                return [new(x.BookedBy, NotificationKind.SeriesCreated, id, id, facts, x.BookedBy != x.CreatedBy)];
            }
            case SeriesEdited x:
                return await ChangedAsync(db, series, x.BookedBy, x.PreviousBooker, x.EditedBy, x.OccurredAt, ct);
            case BookingDetailsChanged x:
                return await ChangedAsync(db, series, x.BookedBy, x.PreviousBooker, x.ChangedBy, x.OccurredAt, ct);
            case SeriesCancelled x:
                return [new(x.BookedBy, NotificationKind.SeriesCancelled, id, id, await FactsAsync(db, series, series.FirstDate, null, ct), x.BookedBy != x.CancelledBy)];
            case SeriesEndedForNoShows x:
            {
                var facts = await FactsAsync(db, series, series.FirstDate, x.NoShowsInARow, ct);
                return new[] { x.BookedBy, x.CreatedBy }.Distinct()
                    .Select(member => new Notice(member, NotificationKind.SeriesEnded, id, id, facts, true)).ToList();
            }
            case BookingCancelled x:
            {
                if (series.State is SeriesState.Cancelled && series.EndedAt == x.OccurredAt) return []; // the whole series: SeriesCancelled tells
                // every occurrence this cancel freed: the booker's bookings of the series cancelled at this instant
                var dates = await db.Bookings.AsNoTracking()
                    .Where(b => b.SeriesId == id && b.BookedBy == x.BookedBy && b.State == BookingState.Cancelled && b.CancelledAt == x.OccurredAt)
                    .Select(b => b.Date).ToListAsync(ct);
                var facts = await FactsAsync(db, series, dates.Count > 0 ? dates.Min() : x.Slot.Date, Math.Max(1, dates.Count), ct);
                return [new(x.BookedBy, NotificationKind.SeriesOccurrencesCancelled, ChangeKey(id, x.OccurredAt), id, facts, x.BookedBy != x.CancelledBy)];
            }
            default:
                return [];
        }
    }

    /// <summary>The dates of <paramref name="booker"/>'s occurrences of the series that are still to come (confirmed or pending).</summary>
    private static Task<List<DateOnly>> UpcomingDatesAsync(AppDbContext db, Guid seriesId, MemberId booker, CancellationToken ct) =>
        db.Bookings.AsNoTracking().Where(b => b.SeriesId == seriesId && b.BookedBy == booker && Upcoming.Contains(b.State))
            .Select(b => b.Date).ToListAsync(ct);

    /// <summary>The key of one change of a series (an edit or a cancel at <paramref name="at"/>): a name-based UUID (SHA-256 of both).</summary>
    public static Guid ChangeKey(Guid seriesId, DateTimeOffset at)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{seriesId:N}/{at.UtcTicks}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>An edit at <paramref name="at"/> by <paramref name="actor"/>: the (new) booker is told of the change, a previous booker of the hand-over.</summary>
    private static async Task<IReadOnlyList<Notice>> ChangedAsync(AppDbContext db, BookingSeries series, MemberId booker, MemberId previous, MemberId actor,
        DateTimeOffset at, CancellationToken ct)
    {
        var key = ChangeKey(series.Id, at);
        var dates = await UpcomingDatesAsync(db, series.Id, booker, ct);
        var facts = await FactsAsync(db, series, dates.Count > 0 ? dates.Min() : series.FirstDate, dates.Count, ct);
        var notices = new List<Notice> { new(booker, NotificationKind.SeriesChanged, key, series.Id, facts, booker != actor) };
        if (previous != booker) notices.Add(new(previous, NotificationKind.SeriesHandedOver, key, series.Id, facts, previous != actor));
        return notices;
    }

    private static async Task<NotificationFacts> FactsAsync(AppDbContext db, BookingSeries series, DateOnly from, int? count, CancellationToken ct)
    {
        var room = await db.Rooms.AsNoTracking().Where(r => r.Id == series.RoomId).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? $"Room {series.RoomId}";
        return new NotificationFacts(room, from, series.PeriodStart, series.PeriodEnd, SeriesTitle: series.Title, Rule: series.Rule, Count: count);
    }
}
