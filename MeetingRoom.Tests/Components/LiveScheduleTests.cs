using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Schedule;

namespace MeetingRoom.Tests.Components;

/// <summary>The board's view of the schedule: snapshot + pushed changes, by version.</summary>
public class LiveScheduleTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly DateTimeOffset OpensAt = DateTimeOffset.Parse("2026-11-23T10:00:00+09:00");

    private static ScheduleDto Snapshot(SlotStatus state = SlotStatus.Open, long version = 2, string? bookedBy = null) =>
        new(Day, "Asia/Seoul", OpensAt, [new PeriodDto("10:00", "11:50")],
            [new ScheduleRoomDto(7, "Harbor", 2, 6, [], false,
                [new ScheduleCellDto("10:00", "11:50", state, OpensAt, bookedBy is null ? null : Guid.NewGuid(), bookedBy, null, version)])]);

    private static ScheduleChange Change(SlotStatus state, long version, int roomId = 7, DateOnly? date = null, string? bookedBy = "Minji Kim") =>
        new(roomId, date ?? Day, "10:00", state, version, state == SlotStatus.Booked ? Guid.NewGuid() : null, bookedBy, null, OpensAt);

    private static ScheduleCellDto Shown(LiveSchedule board) => board.CellOf(7, board.Schedule!.Rooms[0].Cells[0]);

    [Fact]
    public void A_newer_change_replaces_the_cell_and_an_older_one_is_ignored()
    {
        var board = new LiveSchedule(showBookerNames: false);
        board.Load(Snapshot(version: 2));

        Assert.False(board.Apply([Change(SlotStatus.Booked, 3)]));
        Assert.Equal((SlotStatus.Booked, 3L), (Shown(board).State, Shown(board).Version));

        board.Apply([Change(SlotStatus.Open, 1)]); // late, out-of-order delivery
        Assert.Equal((SlotStatus.Booked, 3L), (Shown(board).State, Shown(board).Version));

        board.Apply([Change(SlotStatus.Open, 4)]);
        Assert.Equal((SlotStatus.Open, 4L), (Shown(board).State, Shown(board).Version));
    }

    [Fact]
    public void A_change_lower_than_the_snapshots_version_is_ignored_and_an_equal_one_applies()
    {
        var board = new LiveSchedule(showBookerNames: false);
        board.Load(Snapshot(SlotStatus.NotYetOpen, version: 5));

        board.Apply([Change(SlotStatus.Booked, 4)]);
        Assert.Equal(SlotStatus.NotYetOpen, Shown(board).State);

        board.Apply([Change(SlotStatus.Open, 5)]); // an opening by the clock keeps the slot's version
        Assert.Equal(SlotStatus.Open, Shown(board).State);
    }

    [Fact]
    public void Changes_of_other_dates_are_ignored_and_unknown_rooms_ask_for_a_reload()
    {
        var board = new LiveSchedule(showBookerNames: false);
        board.Load(Snapshot());

        Assert.False(board.Apply([Change(SlotStatus.Booked, 9, date: Day.AddDays(1))]));
        Assert.Equal(SlotStatus.Open, Shown(board).State);
        Assert.True(board.Apply([Change(SlotStatus.Booked, 1, roomId: 99)]));
    }

    [Fact]
    public void A_new_snapshot_keeps_only_pushed_cells_newer_than_itself()
    {
        var board = new LiveSchedule(showBookerNames: false);
        board.Load(Snapshot(version: 2));
        board.Apply([Change(SlotStatus.Booked, 3)]);

        board.Load(Snapshot(version: 2)); // read before the booking was projected
        Assert.Equal(SlotStatus.Booked, Shown(board).State);

        board.Load(Snapshot(SlotStatus.Open, version: 4)); // cancelled since
        Assert.Equal((SlotStatus.Open, 4L), (Shown(board).State, Shown(board).Version));
    }

    [Fact]
    public void Booker_names_are_dropped_unless_the_site_shows_them()
    {
        var hidden = new LiveSchedule(showBookerNames: false);
        hidden.Load(Snapshot(SlotStatus.Booked, bookedBy: "Jisoo Park"));
        Assert.Null(Shown(hidden).BookedBy);
        hidden.Apply([Change(SlotStatus.Booked, 3, bookedBy: "Minji Kim")]);
        Assert.Null(Shown(hidden).BookedBy);

        var shown = new LiveSchedule(showBookerNames: true);
        shown.Load(Snapshot(SlotStatus.Booked, bookedBy: "Jisoo Park"));
        Assert.Equal("Jisoo Park", Shown(shown).BookedBy);
        shown.Apply([Change(SlotStatus.Booked, 3, bookedBy: "Minji Kim")]);
        Assert.Equal("Minji Kim", Shown(shown).BookedBy);
    }

    [Fact]
    public void A_pushed_series_occurrence_keeps_its_series_and_title_where_names_are_hidden()
    {
        var series = Guid.NewGuid();
        var board = new LiveSchedule(showBookerNames: false);
        board.Load(Snapshot());

        board.Apply([Change(SlotStatus.Booked, 3) with { SeriesId = series, Title = "Team sync" }]);

        Assert.Equal((series, "Team sync", (string?)null), (Shown(board).SeriesId, Shown(board).Title, Shown(board).BookedBy));
    }

    [Fact]
    public void A_shown_window_that_has_opened_makes_the_view_stale()
    {
        var board = new LiveSchedule(showBookerNames: false);
        board.Load(Snapshot(SlotStatus.NotYetOpen));

        Assert.False(board.IsStale(OpensAt.AddTicks(-1)));
        Assert.True(board.IsStale(OpensAt));
    }

    [Fact]
    public void An_ended_period_makes_open_and_booked_cells_stale_but_not_a_meeting_in_progress()
    {
        var end = DateTimeOffset.Parse("2026-11-23T11:50:00+09:00");
        var open = new LiveSchedule(showBookerNames: false);
        open.Load(Snapshot(SlotStatus.Booked));
        var meeting = new LiveSchedule(showBookerNames: false);
        meeting.Load(Snapshot(SlotStatus.InMeeting));

        Assert.False(open.IsStale(end.AddTicks(-1)));
        Assert.True(open.IsStale(end));
        Assert.False(meeting.IsStale(end)); // ended by the clock-driven service, then pushed
        Assert.Equal((OpensAt, end), open.PeriodOf("10:00"));
    }
}
