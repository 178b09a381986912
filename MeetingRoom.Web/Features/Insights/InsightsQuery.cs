using System.Globalization;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// Computes an <see cref="InsightsReport"/> (issue 23) from the bookings, rooms, out-of-service intervals, opening
/// demand and waitlist, under <b>today's</b> timetable and booking window rule (the <see cref="SiteRules"/> in force:
/// a past day is measured against the periods the site has now). Scoped. The one source of the API, the CSV export
/// and the page. Definitions (hours are period hours; instants UTC; dates and period starts site-local):
/// <list type="bullet">
/// <item><b>Bookable time</b>: for each site-local date of the range, each room of the filter not deleted by the
/// period's start (<c>Room.DeletedAt</c>; rooms have no creation date, so a room counts from the range's start), each
/// period of today's timetable <b>that has started by now</b> (a period under way counts whole; later periods count
/// nowhere): the period's real length (<see cref="Timetable.SlotFor"/>, so a period across a DST change is an hour
/// shorter or longer) minus its overlap with the room's <see cref="RoomServiceInterval"/>s (an open interval lasts
/// until now).</item>
/// <item><b>Booked time</b>: per booking in Confirmed, InMeeting or Ended whose period has started, the time it held
/// the room: from the period start — or, for a booking that took the slot again after an earlier booking of it was
/// released or ended early, from when it was booked — to the period end (or to when it ended, for a meeting ended
/// early). A booking made during its period into a slot nobody had held counts from the period start (with the
/// default window, every booking is made once its period has started). A released no-show counts <b>no</b> booked
/// time (nobody used the room; its freed time is in <see cref="InsightsReport.ReleasedHours"/>). Pending, cancelled
/// and denied bookings count none. Utilization = booked ÷ bookable, per room, floor, overall and ISO weekday × period
/// start (the heatmap: every weekday × every period start seen, a cell with no bookable time has a null rate).</item>
/// <item><b>Check-in and no-show rates</b>: over bookings whose period has started and that reached it (Confirmed,
/// InMeeting, Ended, Released): checked in = <c>StartedAt</c> set, no-show = Released. A Confirmed booking under way
/// and not yet released is in the denominator only. <b>Released hours</b>: of each released booking, its period
/// time from the release to the period end; <b>rebooked hours</b>: of that, the time later bookings of the same slot
/// held (booked time as above).</item>
/// <item><b>Opening demand</b>, over slots whose window (today's rule, <see cref="SiteRules.WindowFor"/>) opened by
/// now and whose room was bookable some of the period: <c>Openings</c> = such slots per room × period; attempts and
/// refused = sums of <see cref="OpeningDemandRow"/>s (answers in the first minute, written by the booking path);
/// a slot is <i>taken</i> at its first booking's <c>BookedAt</c> (any state: a cancelled booking also took it then);
/// <c>Winners</c> = slots taken within <see cref="OpeningMinute"/> of the opening; <c>Losers</c> = refused;
/// <c>WaitlistJoins</c> = waitlist entries of the room × period's slots in the range; median seconds from opening to
/// taken (a slot booked before today's rule would open it counts 0). Per opening instant
/// (<see cref="OpeningFill"/>, instant with the site's offset): slots opened, taken, seconds until the last taken one
/// was.</item>
/// <item><b>Capacity fit</b>: per room, bookings in the range that were not cancelled and gave
/// <c>Attendees</c>; median attendees; median ÷ capacity (today's capacity).</item>
/// </list>
/// Rates and medians are null when there is nothing to divide or rank. Speed (issue 23: a year of 200 rooms in ≤ 1 s):
/// the booking figures are aggregated by the database over a covering index (<c>IX_Bookings_Insights</c>): one GROUP BY
/// per slot in index order (first booking, conditional counts), the bookings of slots that were released or ended
/// early (joined on their keys), and the attendee counts as a histogram;
/// bookable time is computed in memory from the timetable (rooms × dates × periods).
/// </summary>
public sealed class InsightsQuery(AppDbContext db, SiteRulesProvider rules, TimeProvider clock, ILogger<InsightsQuery> logger)
{
    /// <summary>The longest range a report covers (2 years).</summary>
    public const int MaxDays = 731;

    /// <summary>The default range: this many days ending today (site-local).</summary>
    public const int DefaultDays = 30;

    /// <summary>A slot taken within this long after its window opened has a winner of the opening.</summary>
    public static readonly TimeSpan OpeningMinute = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Parses the API's query values (<paramref name="from"/>, <paramref name="to"/>: <c>yyyy-MM-dd</c> site-local,
    /// default the <see cref="DefaultDays"/> days ending today; <paramref name="floor"/>, <paramref name="roomId"/>:
    /// integers) into a filter, or an invalid-input problem (400) naming each bad field. The range itself is checked
    /// by <see cref="GetAsync(InsightsFilter, CancellationToken)"/>.
    /// </summary>
    public async Task<AppResult<InsightsFilter>> ParseAsync(string? from, string? to, string? floor, string? roomId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDate = ParseDate(from, "from", errors);
        var toDate = ParseDate(to, "to", errors);
        var floorValue = ParseInt(floor, "floor", errors);
        var roomValue = ParseInt(roomId, "roomId", errors);
        if (errors.Count > 0) return AppProblem.Invalid(errors);
        var today = (await rules.GetAsync(ct)).LocalDate(clock.GetUtcNow());
        var end = toDate ?? (fromDate is { } f && f > today ? f : today);
        var start = fromDate ?? end.AddDays(-(DefaultDays - 1));
        return new InsightsFilter(start, end, floorValue, roomValue);
    }

    private static DateOnly? ParseDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[field] = [InsightsText.Get("NotADate", field)];
        return null;
    }

    private static int? ParseInt(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        errors[field] = [InsightsText.Get("NotANumber", field)];
        return null;
    }

    /// <summary>
    /// The report for <paramref name="filter"/> (see the class summary), or a problem, with nothing computed:
    /// invalid-input 400 when <c>From</c> is after <c>To</c> (field <c>from</c>), the range is over
    /// <see cref="MaxDays"/> days (field <c>to</c>), no room (deleted or not) is on <c>Floor</c> (field <c>floor</c>),
    /// or room <c>RoomId</c> is not on <c>Floor</c> (field <c>roomId</c>); unknown-room 404 when no room has
    /// <c>RoomId</c>.
    /// </summary>
    public async Task<AppResult<InsightsReport>> GetAsync(InsightsFilter filter, CancellationToken ct)
    {
        if (filter.From > filter.To) return AppProblem.Invalid("from", InsightsText.Get("FromAfterTo"));
        if (filter.To.DayNumber - filter.From.DayNumber + 1 > MaxDays) return AppProblem.Invalid("to", InsightsText.Get("RangeTooLong", MaxDays));

        var roomQuery = db.Rooms.AsNoTracking();
        if (filter.RoomId is { } roomId)
        {
            var room = await roomQuery.Where(r => r.Id == roomId).Select(r => new { r.Floor }).FirstOrDefaultAsync(ct);
            if (room is null) return AppProblem.NotFound(ProblemCodes.UnknownRoom, ProblemText.Get("RefusalUnknownRoom"));
            if (filter.Floor is { } f && room.Floor != f) return AppProblem.Invalid("roomId", InsightsText.Get("RoomNotOnFloor", roomId, f));
            roomQuery = roomQuery.Where(r => r.Id == roomId);
        }
        else if (filter.Floor is { } floor)
        {
            if (!await roomQuery.AnyAsync(r => r.Floor == floor, ct)) return AppProblem.Invalid("floor", InsightsText.Get("UnknownFloor", floor));
            roomQuery = roomQuery.Where(r => r.Floor == floor);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var phases = new List<string>();
        void Mark(string phase) { phases.Add($"{phase} {watch.Elapsed.TotalMilliseconds:F0}"); }
        var site = await rules.GetAsync(ct);
        var now = clock.GetUtcNow();
        var zone = site.Zone;
        var rangeStart = SiteClock.ToInstant(filter.From, TimeOnly.MinValue, zone);
        var rangeEnd = SiteClock.ToInstant(filter.To.AddDays(1), TimeOnly.MinValue, zone);
        var rooms = (await roomQuery.Select(r => new RoomInfo(r.Id, r.Name, r.Floor, r.Capacity, r.DeletedAt)).ToListAsync(ct))
            .Where(r => r.DeletedAt is not { } deleted || deleted > rangeStart)
            .OrderBy(r => r.Floor).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Id).ToList();
        var roomIds = rooms.Select(r => r.Id).ToList();
        var all = filter.RoomId is null && filter.Floor is null;

        var intervals = (await db.RoomServiceIntervals.AsNoTracking()
                .Where(i => (all || roomIds.Contains(i.RoomId)) && i.From < rangeEnd && (i.To == null || i.To > rangeStart))
                .Select(i => new { i.RoomId, i.From, i.To }).ToListAsync(ct))
            .ToLookup(i => i.RoomId, i => (From: i.From, To: i.To ?? now));

        // The slots of today's timetable in the range (instants of each date × period: DST-correct).
        var slots = new List<SlotTimes>();
        for (var date = filter.From; date <= filter.To; date = date.AddDays(1))
            foreach (var period in site.Timetable.Periods)
            {
                var slot = site.Timetable.SlotFor(0, date, period);
                if (slot.StartsAt > now && site.WindowFor(slot).OpensAt > now) continue;
                slots.Add(new SlotTimes(date, period.Start, slot.StartsAt, slot.EndsAt, site.WindowFor(slot).OpensAt, slot.StartsAt <= now));
            }

        Mark("setup");
        // Bookable time and openings, in memory.
        var bookable = new Dictionary<int, double>();
        var heatBookable = new Dictionary<(int Weekday, TimeOnly Start), double>();
        var openings = new Dictionary<(int RoomId, TimeOnly Start), int>();
        var opened = new Dictionary<(int RoomId, DateOnly Date, TimeOnly Start), DateTimeOffset>();
        var openingSlots = new Dictionary<DateTimeOffset, int>();
        foreach (var room in rooms)
        {
            var outOfService = intervals[room.Id].ToList();
            var total = 0.0;
            foreach (var s in slots)
            {
                if (room.DeletedAt is { } deleted && deleted <= s.StartsAt) continue;
                var seconds = (s.EndsAt - s.StartsAt).TotalSeconds;
                foreach (var (from, to) in outOfService)
                    seconds -= Overlap(s.StartsAt, s.EndsAt, from, to);
                if (seconds <= 0) continue;
                if (s.Started)
                {
                    total += seconds;
                    Add(heatBookable, (IsoWeekday(s.Date), s.Start), seconds);
                }
                if (s.OpensAt <= now)
                {
                    openings[(room.Id, s.Start)] = openings.GetValueOrDefault((room.Id, s.Start)) + 1;
                    opened[(room.Id, s.Date, s.Start)] = s.OpensAt;
                    openingSlots[s.OpensAt] = openingSlots.GetValueOrDefault(s.OpensAt) + 1;
                }
            }
            bookable[room.Id] = total;
        }

        Mark("bookable");
        var bookings = db.Bookings.AsNoTracking().Where(b => b.Date >= filter.From && b.Date <= filter.To);
        if (!all) bookings = bookings.Where(b => roomIds.Contains(b.RoomId));
        var reached = bookings.Where(b => b.StartsAt <= now && (b.State == BookingState.Confirmed || b.State == BookingState.InMeeting
            || b.State == BookingState.Ended || b.State == BookingState.Released));

        // 1. Per slot, aggregated by the database in the order of the insights index (no sort): when it was first
        // booked (any state), its whole-period bookings and the rates' counts over the bookings that reached the period.
        var perSlot = await bookings
            .GroupBy(b => new { b.Date, b.RoomId, b.PeriodStart, b.PeriodEnd })
            .Select(g => new
            {
                g.Key.Date, g.Key.RoomId, g.Key.PeriodStart, g.Key.PeriodEnd,
                TakenAt = g.Min(b => b.BookedAt),
                Whole = g.Count(b => b.StartsAt <= now && (b.State == BookingState.Confirmed || b.State == BookingState.InMeeting || b.State == BookingState.Ended)
                    && (b.EndedAt == null || b.EndedAt >= b.EndsAt)),
                Reached = g.Count(b => b.StartsAt <= now && (b.State == BookingState.Confirmed || b.State == BookingState.InMeeting
                    || b.State == BookingState.Ended || b.State == BookingState.Released)),
                CheckedIn = g.Count(b => b.StartsAt <= now && b.StartedAt != null && (b.State == BookingState.InMeeting || b.State == BookingState.Ended)),
                NoShows = g.Count(b => b.StartsAt <= now && b.State == BookingState.Released),
            })
            .ToListAsync(ct);

        var booked = new Dictionary<int, double>();
        var heatBooked = new Dictionary<(int Weekday, TimeOnly Start), double>();
        var takenAt = new Dictionary<(int RoomId, DateOnly Date, TimeOnly Start), DateTimeOffset>(perSlot.Count);
        long reachedCount = 0, checkedIn = 0, noShows = 0;
        foreach (var g in perSlot)
        {
            if (g.Whole > 0)
            {
                var seconds = g.Whole * (g.PeriodEnd - g.PeriodStart).TotalSeconds;
                Add(booked, g.RoomId, seconds);
                Add(heatBooked, (IsoWeekday(g.Date), g.PeriodStart), seconds);
            }
            reachedCount += g.Reached;
            checkedIn += g.CheckedIn;
            noShows += g.NoShows;
            var key = (g.RoomId, g.Date, g.PeriodStart);
            if (!takenAt.TryGetValue(key, out var earlier) || g.TakenAt < earlier) takenAt[key] = g.TakenAt;
        }

        Mark("perSlot");
        // 1b. Whole-period bookings on days with a DST change: their real length, not the wall-clock one.
        var dstDays = DstDays(filter.From, filter.To, zone);
        if (dstDays.Count > 0)
        {
            var onDstDays = await reached
                .Where(b => dstDays.Contains(b.Date) && b.State != BookingState.Released && (b.EndedAt == null || b.EndedAt >= b.EndsAt))
                .Select(b => new { b.RoomId, b.Date, b.PeriodStart, b.PeriodEnd, b.StartsAt, b.EndsAt })
                .ToListAsync(ct);
            foreach (var b in onDstDays)
            {
                var correction = (b.EndsAt - b.StartsAt).TotalSeconds - (b.PeriodEnd - b.PeriodStart).TotalSeconds;
                Add(booked, b.RoomId, correction);
                Add(heatBooked, (IsoWeekday(b.Date), b.PeriodStart), correction);
            }
        }

        Mark("dst");
        // 2. The bookings of slots freed during their period (released, ended early): few, read as rows. The whole
        // periods counted above for them are corrected to the time they held.
        var freed = reached.Where(x => x.State == BookingState.Released || (x.EndedAt != null && x.EndedAt < x.EndsAt));
        var partial = await reached
            .Join(freed.Select(x => new { x.Date, x.RoomId, x.PeriodStart }).Distinct(),
                b => new { b.Date, b.RoomId, b.PeriodStart }, x => x, (b, _) => b)
            .Select(b => new PartialBooking(b.RoomId, b.Date, b.PeriodStart, b.StartsAt, b.EndsAt, b.BookedAt, b.EndedAt, b.State))
            .ToListAsync(ct);
        var releasedSeconds = 0.0;
        var rebookedSeconds = 0.0;
        foreach (var slot in partial.GroupBy(b => (b.RoomId, b.Date, b.PeriodStart)))
        {
            var freedAt = slot.Where(b => b.FreedAt is not null).Select(b => b.FreedAt!.Value).ToList();
            foreach (var b in slot)
            {
                if (b.State == BookingState.Released)
                {
                    var from = b.FreedAt ?? b.EndsAt;
                    releasedSeconds += Math.Max(0, (b.EndsAt - from).TotalSeconds);
                    foreach (var later in slot.Where(l => l.State != BookingState.Released && l.BookedAt >= from))
                    {
                        var (heldFrom, heldTo) = later.Held(freedAt);
                        rebookedSeconds += Overlap(heldFrom, heldTo, from, b.EndsAt);
                    }
                    continue;
                }
                var (start, end) = b.Held(freedAt);
                var held = Math.Max(0, (end - start).TotalSeconds);
                var counted = b.FreedAt is null ? (b.EndsAt - b.StartsAt).TotalSeconds : 0; // a whole period, counted above
                Add(booked, b.RoomId, held - counted);
                Add(heatBooked, (IsoWeekday(b.Date), b.PeriodStart), held - counted);
            }
        }

        Mark("partial");
        // 3. The openings: when each opened slot was first booked (from 1).
        var secondsToTaken = new Dictionary<(int RoomId, TimeOnly Start), List<double>>();
        var winners = new Dictionary<(int RoomId, TimeOnly Start), long>();
        var openingTaken = new Dictionary<DateTimeOffset, (int Taken, double Last)>();
        foreach (var ((roomOf, dateOf, startOf), taken) in takenAt)
        {
            if (!opened.TryGetValue((roomOf, dateOf, startOf), out var opensAt)) continue;
            var seconds = Math.Max(0, (taken - opensAt).TotalSeconds);
            var key = (roomOf, startOf);
            if (!secondsToTaken.TryGetValue(key, out var list)) secondsToTaken[key] = list = [];
            list.Add(seconds);
            if (seconds < OpeningMinute.TotalSeconds) winners[key] = winners.GetValueOrDefault(key) + 1;
            var fill = openingTaken.GetValueOrDefault(opensAt);
            openingTaken[opensAt] = (fill.Taken + 1, Math.Max(fill.Last, seconds));
        }

        Mark("openings");
        // 4. Attempts and refusals in the first minute, and waitlist joins, summed by the database.
        var demandRows = db.OpeningDemand.AsNoTracking().Where(d => d.Date >= filter.From && d.Date <= filter.To);
        if (!all) demandRows = demandRows.Where(d => roomIds.Contains(d.RoomId));
        var demand = (await demandRows.GroupBy(d => new { d.RoomId, d.PeriodStart })
                .Select(g => new { g.Key.RoomId, g.Key.PeriodStart, Attempts = g.Sum(d => d.Attempts), Refused = g.Sum(d => d.Refused) })
                .ToListAsync(ct))
            .ToDictionary(d => (d.RoomId, d.PeriodStart), d => (d.Attempts, d.Refused));
        var waitRows = db.WaitlistEntries.AsNoTracking().Where(w => w.Date >= filter.From && w.Date <= filter.To);
        if (!all) waitRows = waitRows.Where(w => roomIds.Contains(w.RoomId));
        var joins = (await waitRows.GroupBy(w => new { w.RoomId, w.PeriodStart })
                .Select(g => new { g.Key.RoomId, g.Key.PeriodStart, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(w => (w.RoomId, w.PeriodStart), w => (long)w.Count);

        Mark("demand");
        // 5. Attendee counts per room, as a histogram (the medians need no rows).
        var attendees = (await bookings
                .Where(b => b.Attendees != null && b.State != BookingState.Cancelled)
                .GroupBy(b => new { b.RoomId, b.Attendees })
                .Select(g => new { g.Key.RoomId, Attendees = g.Key.Attendees!.Value, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(a => a.RoomId, a => (a.Attendees, (long)a.Count));

        Mark("attendees");
        // The report.
        var roomRows = rooms
            .Where(r => bookable.GetValueOrDefault(r.Id) > 0 || booked.GetValueOrDefault(r.Id) > 0)
            .Select(r => new RoomUtilization(r.Id, r.Name, r.Floor, Hours(booked.GetValueOrDefault(r.Id)), Hours(bookable.GetValueOrDefault(r.Id)),
                Rate(booked.GetValueOrDefault(r.Id), bookable.GetValueOrDefault(r.Id))))
            .ToList();
        var floors = rooms.GroupBy(r => r.Floor).OrderBy(g => g.Key)
            .Select(g => (Floor: g.Key, Booked: g.Sum(r => booked.GetValueOrDefault(r.Id)), Bookable: g.Sum(r => bookable.GetValueOrDefault(r.Id))))
            .Where(f => f.Booked > 0 || f.Bookable > 0)
            .Select(f => new FloorUtilization(f.Floor, Hours(f.Booked), Hours(f.Bookable), Rate(f.Booked, f.Bookable)))
            .ToList();
        var bookedTotal = rooms.Sum(r => booked.GetValueOrDefault(r.Id));
        var bookableTotal = rooms.Sum(r => bookable.GetValueOrDefault(r.Id));
        var utilization = new UtilizationFigures(Hours(bookedTotal), Hours(bookableTotal), Rate(bookedTotal, bookableTotal), roomRows, floors);

        var periodStarts = site.Timetable.Periods.Select(p => p.Start).Concat(heatBooked.Keys.Select(k => k.Start)).Distinct().Order().ToList();
        var heatmap = (from weekday in Enumerable.Range(1, 7)
                       from start in periodStarts
                       let b = heatBooked.GetValueOrDefault((weekday, start))
                       let able = heatBookable.GetValueOrDefault((weekday, start))
                       select new HeatmapCell(weekday, start, Hours(b), Hours(able), Rate(b, able))).ToList();

        var byRoomPeriod = new List<OpeningDemandByRoomPeriod>();
        foreach (var room in rooms)
            foreach (var start in periodStarts)
            {
                var key = (room.Id, start);
                var count = openings.GetValueOrDefault(key);
                var (attempts, refused) = demand.GetValueOrDefault(key);
                var waited = joins.GetValueOrDefault(key);
                if (count == 0 && attempts == 0 && waited == 0) continue;
                byRoomPeriod.Add(new OpeningDemandByRoomPeriod(room.Id, room.Name, room.Floor, start, count, attempts,
                    winners.GetValueOrDefault(key), refused, waited, Median(secondsToTaken.GetValueOrDefault(key))));
            }
        var fills = openingSlots.OrderBy(o => o.Key)
            .Select(o => openingTaken.TryGetValue(o.Key, out var t)
                ? new OpeningFill(site.Local(o.Key), o.Value, t.Taken, t.Last)
                : new OpeningFill(site.Local(o.Key), o.Value, 0, null))
            .ToList();

        var capacityFit = rooms.Select(r =>
        {
            var histogram = attendees[r.Id].OrderBy(a => a.Attendees).ToList();
            var count = histogram.Sum(a => a.Item2);
            var median = MedianOf(histogram);
            return new CapacityFitRow(r.Id, r.Name, r.Floor, r.Capacity, (int)count, median,
                median is { } m && r.Capacity > 0 ? Math.Round(m / r.Capacity, 4) : null);
        }).ToList();

        Mark("report");
        logger.LogDebug("Insights {From}–{To}: cumulative ms after each phase: {Phases}", filter.From, filter.To, string.Join(", ", phases));
        return new InsightsReport(filter, zone.Id, utilization,
            Rate(checkedIn, reachedCount), Rate(noShows, reachedCount), Hours(releasedSeconds), Hours(rebookedSeconds),
            heatmap, new OpeningDemandFigures(byRoomPeriod, fills), capacityFit);
    }

    private sealed record RoomInfo(int Id, string Name, int Floor, int Capacity, DateTimeOffset? DeletedAt);

    private sealed record SlotTimes(DateOnly Date, TimeOnly Start, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset OpensAt, bool Started);

    private sealed record PartialBooking(int RoomId, DateOnly Date, TimeOnly PeriodStart, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
        DateTimeOffset BookedAt, DateTimeOffset? EndedAt, BookingState State)
    {
        /// <summary>When it freed the rest of its period (released or ended early), or null.</summary>
        public DateTimeOffset? FreedAt => State == BookingState.Released || (EndedAt is { } e && e < EndsAt) ? EndedAt ?? StartsAt : null;

        /// <summary>
        /// The time it held the room: from the period start, or from when it was booked if it took the slot after one of
        /// <paramref name="freedAt"/>; to its early end or the period end.
        /// </summary>
        public (DateTimeOffset From, DateTimeOffset To) Held(IEnumerable<DateTimeOffset> freedAt) =>
            (freedAt.Any(f => f <= BookedAt) && BookedAt > StartsAt ? BookedAt : StartsAt,
             EndedAt is { } ended && ended < EndsAt ? ended : EndsAt);
    }

    /// <summary>Dates of the range on which the zone's offset changes (a period across the change is not its wall-clock length).</summary>
    private static List<DateOnly> DstDays(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        var days = new List<DateOnly>();
        if (!zone.SupportsDaylightSavingTime) return days;
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var start = SiteClock.ToInstant(date, TimeOnly.MinValue, zone);
            var next = SiteClock.ToInstant(date.AddDays(1), TimeOnly.MinValue, zone);
            if (zone.GetUtcOffset(start) != zone.GetUtcOffset(next)) days.Add(date);
        }
        return days;
    }

    private static double Overlap(DateTimeOffset aFrom, DateTimeOffset aTo, DateTimeOffset bFrom, DateTimeOffset bTo)
    {
        var from = aFrom > bFrom ? aFrom : bFrom;
        var to = aTo < bTo ? aTo : bTo;
        return to > from ? (to - from).TotalSeconds : 0;
    }

    private static int IsoWeekday(DateOnly date) => IsoWeekday(date.DayOfWeek);
    private static int IsoWeekday(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    private static void Add<TKey>(Dictionary<TKey, double> sums, TKey key, double seconds) where TKey : notnull =>
        sums[key] = sums.GetValueOrDefault(key) + seconds;

    private static double Hours(double seconds) => Math.Round(seconds / 3600, 4);

    private static double? Rate(double part, double whole) => whole > 0 ? Math.Round(part / whole, 4) : null;

    private static double? Median(List<double>? values)
    {
        if (values is null || values.Count == 0) return null;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /// <summary>The median of a histogram (value, count) sorted by value; the mean of the two middle values for an even count.</summary>
    private static double? MedianOf(IReadOnlyList<(int Value, long Count)> histogram)
    {
        var total = histogram.Sum(h => h.Count);
        if (total == 0) return null;
        double ValueAt(long index)
        {
            foreach (var (value, count) in histogram)
            {
                if (index < count) return value;
                index -= count;
            }
            return histogram[^1].Value;
        }
        return total % 2 == 1 ? ValueAt(total / 2) : (ValueAt(total / 2 - 1) + ValueAt(total / 2)) / 2;
    }
}
