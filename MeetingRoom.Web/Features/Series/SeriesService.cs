using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Domain.Series;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Members.Administration;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// Series for admins (issue 22): preview, create, list, read, edit and cancel by scope. Scoped (the request's database context).
/// Every method is admin-only (AdminOnly otherwise) and answers with a problem, never an exception, for bad input: unknown-room,
/// unknown-member (an unknown or deactivated booker), unknown-period (a start that is not a period of the timetable), unknown-series,
/// invalid-input on the field at fault (the rule's, <c>title</c>, <c>start</c>, <c>firstDate</c>, <c>scope</c>, <c>fromDate</c> — a
/// date that is not an occurrence), and series-conflicts for saving without <c>skipConflicts</c> while an occurrence conflicts.
/// Nothing is written when a problem is answered.
/// </summary>
public sealed class SeriesService(AppDbContext db, SiteRulesProvider rules, TimeProvider clock, ILogger<SeriesService> logger)
{
    /// <summary>
    /// Attempts at saving a new series before answering conflict: each attempt that a member's booking beat to one of its slots
    /// (the unique slot index refused the save) or that met a changed room reads the slots again and books the ones still free.
    /// </summary>
    public const int MaxAttempts = 10;

    /// <summary>
    /// Every occurrence of the series <paramref name="request"/> describes, with its state now (<see cref="SeriesOccurrencePlanner"/>),
    /// how many are free and how many conflict, and the RRULE; nothing is written.
    /// </summary>
    public async Task<AppResult<SeriesPreviewDto>> PreviewAsync(Actor admin, SeriesRequest request, CancellationToken ct = default)
    {
        var draft = await DraftAsync(admin, request, ct);
        if (!draft.IsOk) return draft.Problem!;
        var (room, site, series) = draft.Value!;
        var plan = await SeriesOccurrencePlanner.PlanAsync(db, room, site, series.Period, series.Dates(), clock.GetUtcNow(), ct);
        var free = plan.Count(p => p.IsFree);
        return new SeriesPreviewDto(plan.Select(p => p.ToDto(series.Period)).ToList(), free, plan.Count - free, series.Rule.ToString());
    }

    /// <summary>
    /// Saves the series and books all its free occurrences at once, in one transaction, under the same database rules as any booking:
    /// the unique slot index decides, so a member booking that lands first wins and its occurrence is reported as
    /// <see cref="OccurrenceState.Booked"/> (by that member). The room's version is checked in the same save, so a room taken out of
    /// service meanwhile receives none. A refused save is rolled back whole and tried again on fresh reads (at most
    /// <see cref="MaxAttempts"/>, then conflict). Without <c>skipConflicts</c>, any occurrence that cannot be booked (held, out of
    /// service, outside the timetable, over) refuses the save (series-conflicts); with it, those are skipped and reported, unless none
    /// is free. The answer lists every occurrence: <see cref="OccurrenceState.Reserved"/> with its booking, or why it was skipped.
    /// </summary>
    public async Task<AppResult<SeriesDto>> CreateAsync(Actor admin, SeriesRequest request, CancellationToken ct = default)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var draft = await DraftAsync(admin, request, ct);
            if (!draft.IsOk) return draft.Problem!;
            var (room, site, series) = draft.Value!;
            var now = clock.GetUtcNow();
            var plan = await SeriesOccurrencePlanner.PlanAsync(db, room, site, series.Period, series.Dates(), now, ct);
            var conflicting = plan.Where(p => !p.IsFree).ToList();
            if (conflicting.Count == plan.Count || (conflicting.Count > 0 && !request.SkipConflicts))
                return SeriesProblems.Conflicts(conflicting.Select(p => p.ToDto(series.Period)).ToList(), plan.Count);

            db.Series.Add(series);
            var booked = new Dictionary<DateOnly, Guid>();
            foreach (var occurrence in plan.Where(p => p.IsFree))
            {
                var placed = Booking.PlaceForSeries(room, occurrence.Slot!, series, now);
                if (!placed.IsOk) return AppProblem.From(placed.Refusal!, site.Zone); // the plan checked the same rules at the same instant
                db.Bookings.Add(placed.Value!);
                booked[occurrence.Date] = placed.Value!.Id;
            }
            if (await SaveWithRoomCheckAsync(room, ct))
            {
                logger.LogInformation("Series {Series} of room {Room} saved with {Booked} of {Total} occurrences (attempt {Attempt}).",
                    series.Id, room.Id, booked.Count, plan.Count, attempt);
                var occurrences = plan.Select(p => booked.TryGetValue(p.Date, out var id) ? p with { State = OccurrenceState.Reserved, BookingId = id } : p);
                return ToDto(series, room.Name, occurrences.ToList());
            }
            db.ChangeTracker.Clear(); // a member's booking or a room change won: read everything again
        }
        return SeriesProblems.KeptChanging();
    }

    /// <summary>Every series, newest first, each with how many of its occurrences are still upcoming (active, not yet started).</summary>
    public async Task<AppResult<IReadOnlyList<SeriesSummaryDto>>> ListAsync(Actor admin, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        var now = clock.GetUtcNow();
        var all = (await db.Series.AsNoTracking()
                .Join(db.Rooms, s => s.RoomId, r => r.Id, (s, r) => new { Series = s, RoomName = r.Name })
                .ToListAsync(ct))
            .OrderByDescending(x => x.Series.CreatedAt).ThenByDescending(x => x.Series.Id).ToList();
        var upcoming = await db.Bookings.AsNoTracking()
            .Where(b => b.SeriesId != null && BookingStates.Active.Contains(b.State) && b.StartsAt > now)
            .GroupBy(b => b.SeriesId)
            .Select(g => new { SeriesId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SeriesId!.Value, g => g.Count, ct);
        return all.Select(x => new SeriesSummaryDto(x.Series.Id, x.Series.RoomId, x.RoomName, x.Series.PeriodStart.ToString("HH:mm"),
            x.Series.PeriodEnd.ToString("HH:mm"), x.Series.FirstDate, x.Series.Dates()[^1], x.Series.Title, x.Series.Rule.ToString(),
            x.Series.BookedBy.Value, x.Series.BookedByName, x.Series.State, upcoming.GetValueOrDefault(x.Series.Id))).ToList();
    }

    /// <summary>
    /// One series with every occurrence: the state of its booking of the date (<see cref="SeriesOccurrencePlanner.StateOf"/>), or
    /// for a date it holds no booking of (skipped when saved) what that date is now. Problem: unknown-series.
    /// </summary>
    public async Task<AppResult<SeriesDto>> GetAsync(Actor admin, Guid id, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (series is null) return SeriesProblems.UnknownSeries();
        return await ViewAsync(series, ct);
    }

    /// <summary>
    /// Changes the title and/or booker (a member's id: unknown or deactivated → unknown-member) of the occurrences in the request's
    /// scope: the one on <c>fromDate</c>, those from it on, or all (and then the series itself, whose calendar SEQUENCE grows).
    /// Only occurrences still to come are changed: a cancelled occurrence stays cancelled, a meeting under way or over keeps its
    /// booker. The occurrence scope on a date whose occurrence cannot change answers the booking's refusal (wrong-state,
    /// period-over), or invalid-input on <c>fromDate</c> when the series holds no booking of it. Problems besides: unknown-series,
    /// invalid-input (<c>scope</c>, <c>fromDate</c>, <c>title</c>; neither a title nor a booker given), wrong-state (the series
    /// is cancelled or ended), conflict (an occurrence changed meanwhile).
    /// </summary>
    public async Task<AppResult<SeriesDto>> EditAsync(Actor admin, Guid id, SeriesEditRequest request, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        var scope = SeriesProblems.ParseScope(request.Scope);
        if (!scope.IsOk) return scope.Problem!;
        var series = await db.Series.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (series is null) return SeriesProblems.UnknownSeries();
        if (SeriesProblems.FromDateProblem(series, scope.Value, request.FromDate) is { } badDate) return badDate;
        if (request.Title is null && string.IsNullOrWhiteSpace(request.BookerId))
            return AppProblem.Invalid("title", ProblemText.Of(new DomainMessage("SeriesEditNothing", "Give a new title, a new booker, or both.")));
        if (series.RefusalToChange() is { } inactive) return AppProblem.From(inactive);
        (MemberId Id, string Name)? booker = null;
        if (!string.IsNullOrWhiteSpace(request.BookerId))
        {
            var found = await BookerAsync(request.BookerId, ct);
            if (!found.IsOk) return found.Problem!;
            booker = found.Value;
        }

        var now = clock.GetUtcNow();
        if (scope.Value is SeriesEditScope.All)
        {
            var edited = series.Edit(admin, request.Title ?? series.Title, booker?.Id ?? series.BookedBy, booker?.Name ?? series.BookedByName, now);
            if (!edited.IsOk) return await ProblemAsync(edited.Refusal!, ct);
        }
        var targets = await OccurrencesInScopeAsync(series, scope.Value, request.FromDate, now, ct);
        if (!targets.IsOk) return targets.Problem!;
        foreach (var booking in targets.Value!)
        {
            var changed = booking.ChangeSeriesDetails(admin, request.Title ?? booking.Title, booker?.Id ?? booking.BookedBy,
                booker?.Name ?? booking.BookedByName, now);
            if (!changed.IsOk) return await ProblemAsync(changed.Refusal!, ct);
        }
        return await SaveAndViewAsync(series, ct);
    }

    /// <summary>
    /// Cancels the occurrences in <paramref name="scope"/> from <paramref name="fromDate"/> (required unless the scope is all): their
    /// slots are freed and pushed like any cancel (each booking raises BookingCancelled, cause SeriesCancelled); for all, the series
    /// is cancelled too. Only occurrences still to come are cancelled (a meeting under way or over stays). Problems: unknown-series,
    /// invalid-input (<c>fromDate</c>), wrong-state (the series is no longer active; the occurrence scope on an occurrence that is
    /// cancelled, under way or over: its refusal), conflict.
    /// </summary>
    public async Task<AppResult<SeriesDto>> CancelAsync(Actor admin, Guid id, SeriesEditScope scope, DateOnly? fromDate, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        var series = await db.Series.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (series is null) return SeriesProblems.UnknownSeries();
        if (SeriesProblems.FromDateProblem(series, scope, fromDate) is { } badDate) return badDate;
        if (series.RefusalToChange() is { } inactive) return AppProblem.From(inactive);

        var now = clock.GetUtcNow();
        if (scope is SeriesEditScope.All)
        {
            var cancelled = series.Cancel(admin, now);
            if (!cancelled.IsOk) return await ProblemAsync(cancelled.Refusal!, ct);
        }
        var targets = await OccurrencesInScopeAsync(series, scope, fromDate, now, ct);
        if (!targets.IsOk) return targets.Problem!;
        foreach (var booking in targets.Value!)
        {
            var cancelled = booking.CancelForSeries(admin, CancellationCause.SeriesCancelled, now);
            if (!cancelled.IsOk) return await ProblemAsync(cancelled.Refusal!, ct);
        }
        return await SaveAndViewAsync(series, ct);
    }

    /// <summary>
    /// The series' bookings a change of <paramref name="scope"/> touches, tracked: for the occurrence scope, the booking of
    /// <paramref name="fromDate"/> whatever its state (its transition says why it cannot change), or invalid-input on
    /// <c>fromDate</c> when the series holds none of it; for following and all, the bookings from that date (all: every one) that
    /// are confirmed or pending and have not started.
    /// </summary>
    private async Task<AppResult<List<Booking>>> OccurrencesInScopeAsync(BookingSeries series, SeriesEditScope scope, DateOnly? fromDate,
        DateTimeOffset now, CancellationToken ct)
    {
        var seriesId = series.Id;
        if (scope is SeriesEditScope.Occurrence)
        {
            var date = fromDate!.Value;
            var one = await db.Bookings.Where(b => b.SeriesId == seriesId && b.Date == date)
                .OrderByDescending(b => b.BookedAt).FirstOrDefaultAsync(ct);
            if (one is null)
                return AppProblem.Invalid("fromDate", ProblemText.Of(new DomainMessage("SeriesOccurrenceNotBooked",
                    $"The series holds no booking on {date:yyyy-MM-dd} (it was skipped when the series was saved).", date)));
            return new List<Booking> { one };
        }
        var from = scope is SeriesEditScope.Following ? fromDate!.Value : DateOnly.MinValue;
        return await db.Bookings
            .Where(b => b.SeriesId == seriesId && b.Date >= from && b.StartsAt > now
                        && (b.State == BookingState.Confirmed || b.State == BookingState.PendingApproval))
            .OrderBy(b => b.StartsAt)
            .ToListAsync(ct);
    }

    /// <summary>Saves an edit or cancel (series and bookings, their outbox rows, one transaction) and gives the series as it is then.</summary>
    private async Task<AppResult<SeriesDto>> SaveAndViewAsync(BookingSeries series, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // an occurrence was checked in, released or cancelled meanwhile
            return SeriesProblems.ChangedMeanwhile();
        }
        return await ViewAsync(series, ct);
    }

    /// <summary>The series with every occurrence (see <see cref="GetAsync"/>).</summary>
    private async Task<SeriesDto> ViewAsync(BookingSeries series, CancellationToken ct)
    {
        var seriesId = series.Id;
        var room = await db.Rooms.AsNoTracking().FirstAsync(r => r.Id == series.RoomId, ct);
        var site = await rules.ForRoomAsync(room, ct);
        var own = (await db.Bookings.AsNoTracking().Where(b => b.SeriesId == seriesId).ToListAsync(ct))
            .GroupBy(b => b.Date).ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.BookedAt).First());
        var dates = series.Dates();
        var others = await SeriesOccurrencePlanner.PlanAsync(db, room, site, series.Period, dates.Where(d => !own.ContainsKey(d)).ToList(),
            clock.GetUtcNow(), ct);
        var occurrences = others
            .Concat(own.Values.Select(b => new PlannedOccurrence(b.Date, b.Slot, SeriesOccurrencePlanner.StateOf(b.State), null, b.Id)))
            .OrderBy(o => o.Date)
            .ToList();
        return ToDto(series, room.Name, occurrences);
    }

    /// <summary>
    /// What a request describes, checked, with nothing written: the room (untracked) and the rules in force for it, and the series
    /// (<see cref="BookingSeries.Create"/>) for the booker. Problems, in this order: admin-only; invalid-input on every malformed
    /// field at once (<c>start</c> not "HH:mm", <c>firstDate</c> or <c>rule</c> missing); unknown-room; unknown-period; unknown-member;
    /// the domain's invalid-input on the title or the rule.
    /// </summary>
    private async Task<AppResult<(Room Room, SiteRules Site, BookingSeries Series)>> DraftAsync(Actor admin, SeriesRequest request, CancellationToken ct)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        var errors = new ValidationErrors()
            .AddIf(!TimeInput.TryParse(request.Start, out var start), "start", new DomainMessage("PeriodStartFormat", "Give the period start as HH:mm."))
            .AddIf(request.FirstDate == default, "firstDate", new DomainMessage("SeriesFirstDateRequired", "Give the date of the first occurrence (YYYY-MM-DD)."))
            .AddIf(request.Rule is null, "rule", new DomainMessage("SeriesRuleRequired", "Give the rule: how often the series repeats and when it ends."));
        if (errors.Any) return AppProblem.Invalid(errors.ToMessages());

        var room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.RoomId && r.DeletedAt == null, ct);
        if (room is null) return BookingRefusal.UnknownRoom;
        var site = await rules.ForRoomAsync(room, ct);
        if (site.Timetable.FindPeriod(start) is not { } period) return BookingRefusal.UnknownPeriod;
        var booker = await BookerAsync(string.IsNullOrWhiteSpace(request.BookerId) ? admin.Id.Value : request.BookerId, ct);
        if (!booker.IsOk) return booker.Problem!;

        var created = BookingSeries.Create(admin, room.Id, period, request.FirstDate, request.Rule!.ToRule(), request.Title,
            booker.Value.Id, booker.Value.Name, clock.GetUtcNow());
        if (!created.IsOk) return AppProblem.From(created.Refusal!, site.Zone);
        return (room, site, created.Value!);
    }

    /// <summary>The booker a member id names (issue 16's member ids): their id and name. Problem: unknown-member (unknown or deactivated).</summary>
    private async Task<AppResult<(MemberId Id, string Name)>> BookerAsync(string memberId, CancellationToken ct)
    {
        var id = memberId.Trim();
        var member = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.DisplayName, u.Email, u.Status })
            .FirstOrDefaultAsync(ct);
        if (member is null || member.Status is MemberStatus.Deactivated) return MemberProblems.UnknownMember();
        return (new MemberId(member.Id), string.IsNullOrWhiteSpace(member.DisplayName) ? member.Email ?? member.Id : member.DisplayName);
    }

    /// <summary>
    /// Saves the new series and its bookings, with their outbox rows, and checks <paramref name="room"/>'s version, in one
    /// transaction (on SQLite behind the write gate for all of it): a room taken out of service or re-stamped by a settings save
    /// since it was read refuses the save. The room's row is checked (updated to its own version) <b>last</b>: a member's booking
    /// of the room takes its slot's index entry first and the room's row second, so a series taking the room's row first and then
    /// waiting for a slot a member is inserting would deadlock with that member on PostgreSQL. False when a unique index refused a
    /// booking (a member's booking of the slot landed first) or the room changed: nothing was written.
    /// </summary>
    private async Task<bool> SaveWithRoomCheckAsync(Room room, CancellationToken ct)
    {
        var gate = db.WriteGate(); // SQLite: one writer for the whole transaction
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            var (roomId, version) = (room.Id, room.Version);
            var unchanged = await db.Rooms.Where(r => r.Id == roomId && r.Version == version && r.DeletedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Version, r => r.Version), ct);
            if (unchanged == 0) return false; // rolled back when the transaction is disposed
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
        finally
        {
            gate?.Release();
        }
    }

    private async Task<AppProblem> ProblemAsync(BookingRefusal refusal, CancellationToken ct) =>
        AppProblem.From(refusal, (await rules.GetAsync(ct)).Zone);

    private static SeriesDto ToDto(BookingSeries series, string roomName, IReadOnlyList<PlannedOccurrence> occurrences) =>
        new(series.Id, series.RoomId, roomName, series.PeriodStart.ToString("HH:mm"), series.PeriodEnd.ToString("HH:mm"), series.FirstDate,
            series.Title, SeriesRuleDto.From(series.Rule), series.Rule.ToString(), series.BookedBy.Value, series.BookedByName, series.State,
            occurrences.Select(o => o.ToDto(series.Period)).ToList());
}
