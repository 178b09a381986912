using System.Globalization;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Insights.Rollup;
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
/// the booking figures of each slot are <see cref="SlotFigures"/>; for the whole past days of the range they come from
/// the roll-up (<see cref="InsightsSlotRollup"/>, kept by the outbox handler <see cref="InsightsRollup"/>), read in one
/// pass (integers and doubles per slot: summed per room and heat map cell, and each slot's taken instant), for every day whose
/// rows count all its bookings (<see cref="InsightsRollup.CompareDaysAsync"/>); today, later days and any past day the
/// roll-up does not answer are computed from the bookings themselves, with the same definition. Bookable time is
/// computed in memory from the timetable (once for all rooms without out-of-service time, room by room for the others).
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
    public Task<AppResult<InsightsReport>> GetAsync(InsightsFilter filter, CancellationToken ct) =>
        GetAsync(filter, InsightsSource.RollupWhereComplete, ct);

    /// <summary>
    /// As <see cref="GetAsync(InsightsFilter, CancellationToken)"/>, reading the whole past days from the roll-up where it
    /// answers for them (<see cref="InsightsSource.RollupWhereComplete"/>, the default) or every day from the bookings
    /// (<see cref="InsightsSource.BookingsOnly"/>: the same figures, slower; tests compare the two).
    /// </summary>
    public async Task<AppResult<InsightsReport>> GetAsync(InsightsFilter filter, InsightsSource source, CancellationToken ct)
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
        var today = site.LocalDate(now);
        var rangeStart = SiteClock.ToInstant(filter.From, TimeOnly.MinValue, zone);
        var rangeEnd = SiteClock.ToInstant(filter.To.AddDays(1), TimeOnly.MinValue, zone);
        var rooms = (await roomQuery.Select(r => new RoomInfo(r.Id, r.Name, r.Floor, r.Capacity, r.DeletedAt)).ToListAsync(ct))
            .Where(r => r.DeletedAt is not { } deleted || deleted > rangeStart)
            .OrderBy(r => r.Floor).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Id).ToList();
        var roomIds = rooms.Select(r => r.Id).ToList();
        var roomById = rooms.ToDictionary(r => r.Id);
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
        var slotIndex = new Dictionary<(DateOnly Date, TimeOnly Start), int>(slots.Count);
        for (var i = 0; i < slots.Count; i++) slotIndex[(slots[i].Date, slots[i].Start)] = i;

        Mark("setup");
        // Bookable time and openings, in memory. Rooms never out of service in the range and not deleted offer every
        // slot: computed once for them all; the others slot by slot (a slot they could not offer is not opened for them).
        var bookable = new Dictionary<int, double>();
        var heatBookable = new Dictionary<(int Weekday, TimeOnly Start), double>();
        var openings = new Dictionary<(int RoomId, TimeOnly Start), int>();
        var openingSlots = new Dictionary<DateTimeOffset, int>();
        var notOpened = new HashSet<(int RoomId, int Slot)>();
        var plain = rooms.Where(r => r.DeletedAt is null && !intervals[r.Id].Any()).ToList();
        if (plain.Count > 0)
        {
            var plainTotal = 0.0;
            var plainOpenings = new Dictionary<TimeOnly, int>();
            foreach (var s in slots)
            {
                var seconds = (s.EndsAt - s.StartsAt).TotalSeconds;
                if (seconds <= 0) continue;
                if (s.Started)
                {
                    plainTotal += seconds;
                    Add(heatBookable, (IsoWeekday(s.Date), s.Start), seconds * plain.Count);
                }
                if (s.OpensAt <= now)
                {
                    plainOpenings[s.Start] = plainOpenings.GetValueOrDefault(s.Start) + 1;
                    openingSlots[s.OpensAt] = openingSlots.GetValueOrDefault(s.OpensAt) + plain.Count;
                }
            }
            foreach (var room in plain)
            {
                bookable[room.Id] = plainTotal;
                foreach (var (start, count) in plainOpenings) openings[(room.Id, start)] = count;
            }
        }
        foreach (var room in rooms.Except(plain))
        {
            var outOfService = intervals[room.Id].ToList();
            var total = 0.0;
            for (var j = 0; j < slots.Count; j++)
            {
                var s = slots[j];
                var seconds = (s.EndsAt - s.StartsAt).TotalSeconds;
                var offered = room.DeletedAt is not { } deleted || deleted > s.StartsAt;
                if (offered)
                {
                    foreach (var (from, to) in outOfService)
                        seconds -= SlotFigures.Overlap(s.StartsAt, s.EndsAt, from, to);
                    offered = seconds > 0;
                }
                if (!offered)
                {
                    if (s.OpensAt <= now) notOpened.Add((room.Id, j));
                    continue;
                }
                if (s.Started)
                {
                    total += seconds;
                    Add(heatBookable, (IsoWeekday(s.Date), s.Start), seconds);
                }
                if (s.OpensAt <= now)
                {
                    openings[(room.Id, s.Start)] = openings.GetValueOrDefault((room.Id, s.Start)) + 1;
                    openingSlots[s.OpensAt] = openingSlots.GetValueOrDefault(s.OpensAt) + 1;
                }
            }
            bookable[room.Id] = total;
        }

        Mark("bookable");
        // Which whole past days of the range the roll-up answers (its rows count every booking of the day); the rest
        // (today, later days, and past days it does not answer) is read from the bookings.
        var lastPast = filter.To < today ? filter.To : today.AddDays(-1);
        var answered = new HashSet<DateOnly>();
        List<DateOnly> stale = [];
        if (source == InsightsSource.RollupWhereComplete && filter.From <= lastPast)
            (answered, stale) = await InsightsRollup.CompareDaysAsync(db, filter.From, lastPast, ct);

        Mark("days");
        var booked = new Dictionary<int, double>();
        var heatBooked = new Dictionary<(int Weekday, TimeOnly Start), double>();
        long reachedCount = 0, checkedIn = 0, noShows = 0;
        double releasedSeconds = 0, rebookedSeconds = 0;
        var secondsToTaken = new Dictionary<(int RoomId, TimeOnly Start), List<double>>();
        var winners = new Dictionary<(int RoomId, TimeOnly Start), long>();
        var openingTaken = new Dictionary<DateTimeOffset, (int Taken, double Last)>();
        // A slot of an opened window, taken (first booked) at `taken`: its time to taken and its opening's fill.
        void Taken(int roomId, DateOnly date, TimeOnly start, DateTimeOffset taken)
        {
            if (!roomById.ContainsKey(roomId) || !slotIndex.TryGetValue((date, start), out var j)) return;
            var opensAt = slots[j].OpensAt;
            if (opensAt > now || notOpened.Contains((roomId, j))) return;
            var seconds = Math.Max(0, (taken - opensAt).TotalSeconds);
            var key = (roomId, start);
            if (!secondsToTaken.TryGetValue(key, out var list)) secondsToTaken[key] = list = [];
            list.Add(seconds);
            if (seconds < OpeningMinute.TotalSeconds) winners[key] = winners.GetValueOrDefault(key) + 1;
            var fill = openingTaken.GetValueOrDefault(opensAt);
            openingTaken[opensAt] = (fill.Taken + 1, Math.Max(fill.Last, seconds));
        }

        // 1. From the bookings: each slot's figures (SlotFigures, the roll-up's own definition).
        var rawQuery = db.Bookings.Where(b => b.Date >= filter.From && b.Date <= filter.To);
        if (answered.Count > 0 && stale.Count > 0)
        {
            var staleDays = stale;
            rawQuery = rawQuery.Where(b => b.Date > lastPast || staleDays.Contains(b.Date));
        }
        else if (answered.Count > 0) rawQuery = rawQuery.Where(b => b.Date > lastPast);
        if (!all) rawQuery = rawQuery.Where(b => roomIds.Contains(b.RoomId));
        var rawRows = await InsightsRollup.Columns(rawQuery).ToListAsync(ct);
        foreach (var slot in rawRows.GroupBy(b => (b.RoomId, b.Date, b.PeriodStart)))
        {
            var (slotRoom, date, start) = slot.Key;
            var f = SlotFigures.Of(slot.ToList(), now);
            Add(booked, slotRoom, f.BookedSeconds);
            if (f.Reached > f.NoShows) Add(heatBooked, (IsoWeekday(date), start), f.BookedSeconds);
            reachedCount += f.Reached;
            checkedIn += f.CheckedIn;
            noShows += f.NoShows;
            releasedSeconds += f.ReleasedSeconds;
            rebookedSeconds += f.RebookedSeconds;
            Taken(slotRoom, date, start, f.TakenAt);
        }

        Mark($"bookings({rawRows.Count})");
        // 2. From the roll-up, for the days it answers: sums by room and by heat map cell, and each slot's taken instant.
        if (answered.Count > 0)
        {
            int fromDay = filter.From.DayNumber, lastDay = lastPast.DayNumber;
            var rolled = db.InsightsSlots.AsNoTracking().Where(s => s.Day >= fromDay && s.Day <= lastDay);
            if (stale.Count > 0)
            {
                var staleDays = stale.Select(d => d.DayNumber).ToList();
                rolled = rolled.Where(s => !staleDays.Contains(s.Day));
            }
            if (!all) rolled = rolled.Where(s => roomIds.Contains(s.RoomId));
            // One pass over the rows (integers and doubles; cheaper than grouping them twice in the database).
            var startOf = new Dictionary<int, TimeOnly>();
            void Use(RollupRow row)
            {
                if (!startOf.TryGetValue(row.PeriodSecond, out var start))
                    startOf[row.PeriodSecond] = start = TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(row.PeriodSecond));
                Add(booked, row.RoomId, row.BookedSeconds);
                if (row.Reached > row.NoShows) Add(heatBooked, (row.Weekday, start), row.BookedSeconds);
                reachedCount += row.Reached;
                checkedIn += row.CheckedIn;
                noShows += row.NoShows;
                releasedSeconds += row.ReleasedSeconds;
                rebookedSeconds += row.RebookedSeconds;
                Taken(row.RoomId, DateOnly.FromDayNumber(row.Day), start, new DateTimeOffset(row.TakenAtTicks, TimeSpan.Zero));
            }
            var rows = rolled.Select(s => new RollupRow(s.Day, s.RoomId, s.PeriodSecond, s.Weekday, s.BookedSeconds, s.Reached, s.CheckedIn,
                s.NoShows, s.ReleasedSeconds, s.RebookedSeconds, s.TakenAtTicks));
            if (db is SqliteAppDbContext)
                foreach (var row in rows) Use(row); // SQLite does no asynchronous I/O: the synchronous reader spares ~300,000 awaits
            else
                await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct)) Use(row);
            Mark("rollup");
        }

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
        var bookings = db.Bookings.AsNoTracking().Where(b => b.Date >= filter.From && b.Date <= filter.To);
        if (!all) bookings = bookings.Where(b => roomIds.Contains(b.RoomId));
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

    private readonly record struct RollupRow(int Day, int RoomId, int PeriodSecond, int Weekday, double BookedSeconds, int Reached, int CheckedIn,
        int NoShows, double ReleasedSeconds, double RebookedSeconds, long TakenAtTicks);

    private sealed record RoomInfo(int Id, string Name, int Floor, int Capacity, DateTimeOffset? DeletedAt);

    private sealed record SlotTimes(DateOnly Date, TimeOnly Start, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset OpensAt, bool Started);

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
