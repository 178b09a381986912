using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// What a live screen (the /board page, the Book page) shows: a snapshot from <see cref="ScheduleQuery"/> with the pushed
/// <see cref="ScheduleChange"/>s laid over it. A change with a lower version than the cell has is ignored
/// (an equal one is applied: openings and closings by the clock keep the slot's version). Booker names are
/// dropped unless <paramref name="showBookerNames"/>; a series' title (issue 22) is not a person's name and is kept. Not thread-safe: a component uses it on its renderer.
/// </summary>
public sealed class LiveSchedule(bool showBookerNames)
{
    private Dictionary<(int RoomId, string Start), ScheduleCellDto> _snapshot = [];
    private Dictionary<(int RoomId, string Start), ScheduleCellDto> _live = [];

    private Dictionary<string, (DateTimeOffset Start, DateTimeOffset End)> _periods = [];

    public ScheduleDto? Schedule { get; private set; }

    /// <summary>The site's time zone (from the snapshot).</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The UTC instants of the period starting at <paramref name="start"/> ("HH:mm") on the shown date.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? PeriodOf(string start) =>
        _periods.TryGetValue(start, out var period) ? period : null;

    /// <summary>
    /// Whether the clock has overtaken what is shown: a shown window has opened, or a period whose cells
    /// change at its end (to closed) has ended. The window opener pushes these too; this covers a missed push.
    /// </summary>
    public bool IsStale(DateTimeOffset now) => Schedule is not null && CellsOf(Schedule.Rooms).Any(c =>
        (c.State == SlotStatus.NotYetOpen && c.OpensAt <= now) ||
        (c.State is SlotStatus.NotYetOpen or SlotStatus.Open or SlotStatus.FreeAgain or SlotStatus.Booked or SlotStatus.PendingApproval
         && PeriodOf(c.Start) is { } period && period.End <= now));

    /// <summary>
    /// Takes a new snapshot. Pushed cells of the same date that are newer than the snapshot's (a change that
    /// arrived while it was being read) are kept; everything else is replaced.
    /// </summary>
    public void Load(ScheduleDto schedule)
    {
        if (!showBookerNames)
            schedule = schedule with
            {
                Rooms = schedule.Rooms.Select(r => r with { Cells = r.Cells.Select(c => c with { BookedBy = null }).ToList() }).ToList(),
            };
        var snapshot = schedule.Rooms.SelectMany(r => r.Cells.Select(c => (Key: (r.RoomId, c.Start), Cell: c)))
            .ToDictionary(x => x.Key, x => x.Cell);
        _live = Schedule?.Date == schedule.Date
            ? _live.Where(l => snapshot.TryGetValue(l.Key, out var s) && l.Value.Version > s.Version).ToDictionary()
            : [];
        _snapshot = snapshot;
        Schedule = schedule;
        Zone = SiteClock.TryFindZone(schedule.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        _periods = schedule.Periods.ToDictionary(p => p.Start, p => (
            SiteClock.ToInstant(schedule.Date, TimeOnly.ParseExact(p.Start, "HH:mm"), Zone),
            SiteClock.ToInstant(schedule.Date, TimeOnly.ParseExact(p.End, "HH:mm"), Zone)));
    }

    /// <summary>The cell as shown now: the latest pushed state, else the snapshot's.</summary>
    public ScheduleCellDto CellOf(int roomId, ScheduleCellDto cell) =>
        _live.TryGetValue((roomId, cell.Start), out var live) ? live : cell;

    /// <summary>Every shown cell of <paramref name="rooms"/> (as <see cref="CellOf"/> gives it).</summary>
    public IEnumerable<ScheduleCellDto> CellsOf(IEnumerable<ScheduleRoomDto> rooms) =>
        rooms.SelectMany(r => r.Cells.Select(c => CellOf(r.RoomId, c)));

    /// <summary>
    /// Applies the changes of the shown date. Returns whether a new snapshot is needed: a change for a
    /// room or period the snapshot does not have (e.g. a room registered since).
    /// </summary>
    public bool Apply(IEnumerable<ScheduleChange> changes)
    {
        if (Schedule is null) return false;
        var reload = false;
        foreach (var change in changes.Where(c => c.Date == Schedule.Date))
        {
            var key = (change.RoomId, change.Start);
            if (!_snapshot.TryGetValue(key, out var snapshot))
            {
                reload = true;
                continue;
            }
            var current = _live.GetValueOrDefault(key) ?? snapshot;
            if (change.Version < current.Version) continue;
            _live[key] = current with
            {
                State = change.State, OpensAt = change.OpensAt, BookingId = change.BookingId,
                BookedBy = showBookerNames ? change.BookedBy : null, Since = change.Since, Version = change.Version,
                Waiting = change.Waiting, SeriesId = change.SeriesId, Title = change.Title,
            };
        }
        return reload;
    }
}
