using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Features.Board;

namespace MeetingRoom.Tests.Components;

/// <summary>Every slot state renders its text, its icon and an accessible label (never colour alone).</summary>
public class SlotCellMarkupTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T09:55:30+09:00");
    private static readonly DateTimeOffset OpensAt = DateTimeOffset.Parse("2026-11-23T10:00:00+09:00");

    private static ScheduleCellDto Cell(SlotStatus state, string? bookedBy = null, DateTimeOffset? since = null) =>
        new("10:00", "11:50", state, OpensAt, bookedBy is null && since is null ? null : Guid.NewGuid(), bookedBy, since);

    private static Task<AngleSharp.Dom.IDocument> Render(ScheduleCellDto cell, bool isMine = false, bool showStart = false, string? startRefusal = null, bool busy = false) =>
        MarkupRenderer.RenderAsync<SlotCell>(new Dictionary<string, object?>
        {
            [nameof(SlotCell.RoomId)] = 7,
            [nameof(SlotCell.RoomName)] = "Harbor",
            [nameof(SlotCell.Cell)] = cell,
            [nameof(SlotCell.Day)] = Day,
            [nameof(SlotCell.Now)] = Now,
            [nameof(SlotCell.IsMine)] = isMine,
            [nameof(SlotCell.ShowStart)] = showStart,
            [nameof(SlotCell.StartRefusal)] = startRefusal,
            [nameof(SlotCell.Busy)] = busy,
        });

    [Theory]
    [InlineData(SlotStatus.NotYetOpen, "Opens 10:00", "schedule", "Harbor, 10:00–11:50: Not yet open, opens 10:00")]
    [InlineData(SlotStatus.Open, "Open", "event_available", "Harbor, 10:00–11:50: Open")]
    [InlineData(SlotStatus.Booked, "Booked", "event_busy", "Harbor, 10:00–11:50: Booked by Minji Kim")]
    [InlineData(SlotStatus.PendingApproval, "Pending approval", "hourglass_top", "Harbor, 10:00–11:50: Pending approval by Minji Kim")]
    [InlineData(SlotStatus.InMeeting, "In meeting", "groups", "Harbor, 10:00–11:50: In meeting since 10:03")]
    [InlineData(SlotStatus.FreeAgain, "Free again", "event_repeat", "Harbor, 10:00–11:50: Free again")]
    [InlineData(SlotStatus.Closed, "Closed", "lock_clock", "Harbor, 10:00–11:50: Closed")]
    [InlineData(SlotStatus.OutOfService, "Out of service", "construction", "Harbor, 10:00–11:50: Out of service")]
    public async Task Each_state_has_text_icon_and_accessible_label(SlotStatus state, string text, string icon, string ariaLabel)
    {
        var cell = state switch
        {
            SlotStatus.Booked or SlotStatus.PendingApproval => Cell(state, "Minji Kim"),
            SlotStatus.InMeeting => Cell(state, "Minji Kim", DateTimeOffset.Parse("2026-11-23T10:03:00+09:00")),
            _ => Cell(state),
        };

        var doc = await Render(cell);

        var slot = doc.QuerySelector(".slot")!;
        Assert.Equal(ariaLabel, slot.GetAttribute("aria-label"));
        Assert.Equal("group", slot.GetAttribute("role"));
        Assert.Equal(state.ToString(), slot.GetAttribute("data-state"));
        Assert.Equal(text, slot.QuerySelector(".slot__label")!.TextContent.Trim());
        var iconElement = slot.QuerySelector("i.rzi.slot__icon")!;
        Assert.Equal(icon, iconElement.TextContent.Trim());
        Assert.Equal("true", iconElement.GetAttribute("aria-hidden"));
    }

    [Fact]
    public async Task Every_state_has_a_distinct_icon_and_label()
    {
        var views = Enum.GetValues<SlotStatus>().Select(UiText.Of).ToList();

        Assert.Equal(views.Count, views.Select(v => v.Icon).Distinct().Count());
        Assert.Equal(views.Count, views.Select(v => v.Label).Distinct().Count());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Not_yet_open_shows_a_countdown_to_the_opening()
    {
        var doc = await Render(Cell(SlotStatus.NotYetOpen));

        Assert.Equal("in 4:30", doc.QuerySelector("[data-testid=slot-detail]")!.TextContent.Trim());
        Assert.Null(doc.QuerySelector("button"));
    }

    [Fact]
    public async Task Opening_on_another_day_shows_its_date()
    {
        var cell = Cell(SlotStatus.NotYetOpen) with { OpensAt = DateTimeOffset.Parse("2026-11-22T08:00:00+09:00") };

        var doc = await Render(cell);

        Assert.Equal("Opens Sun 22 Nov 08:00", doc.QuerySelector(".slot__label")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(SlotStatus.Open)]
    [InlineData(SlotStatus.FreeAgain)]
    public async Task Open_cells_have_a_labelled_book_button(SlotStatus state)
    {
        var doc = await Render(Cell(state));

        var button = doc.QuerySelector("button[data-action=book]")!;
        Assert.Equal("Book Harbor 10:00–11:50", button.GetAttribute("aria-label"));
        Assert.Contains("Book", button.TextContent);
        Assert.False(button.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Busy_book_button_shows_progress_and_is_disabled()
    {
        var doc = await Render(Cell(SlotStatus.Open), busy: true);

        var button = doc.QuerySelector("button[data-action=book]")!;
        Assert.True(button.HasAttribute("disabled"));
        Assert.Equal("true", button.GetAttribute("aria-busy"));
        Assert.NotNull(button.QuerySelector(".spinner"));
        Assert.Contains("Booking…", button.TextContent);
    }

    [Theory]
    [InlineData(SlotStatus.NotYetOpen)]
    [InlineData(SlotStatus.Booked)]
    [InlineData(SlotStatus.PendingApproval)]
    [InlineData(SlotStatus.InMeeting)]
    [InlineData(SlotStatus.Closed)]
    [InlineData(SlotStatus.OutOfService)]
    public async Task Cells_that_are_not_bookable_have_no_book_button(SlotStatus state)
    {
        var doc = await Render(Cell(state, "Minji Kim"));

        Assert.Null(doc.QuerySelector("button[data-action=book]"));
    }

    [Fact]
    public async Task Own_booking_says_by_you()
    {
        var doc = await Render(Cell(SlotStatus.Booked, "Minji Kim"), isMine: true);

        Assert.Equal("by you", doc.QuerySelector("[data-testid=slot-detail]")!.TextContent.Trim());
        Assert.Equal("Harbor, 10:00–11:50: Booked by you", doc.QuerySelector(".slot")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Start_on_someone_elses_booking_is_disabled_and_says_why()
    {
        const string why = "Only the member who booked it can start it.";
        var doc = await Render(Cell(SlotStatus.Booked, "Minji Kim"), showStart: true, startRefusal: why);

        var button = doc.QuerySelector("button[data-action=start]")!;
        Assert.True(button.HasAttribute("disabled"));
        Assert.Equal(why, button.GetAttribute("title"));
        var describedBy = button.GetAttribute("aria-describedby")!;
        Assert.Equal(why, doc.GetElementById(describedBy)!.TextContent.Trim());
    }

    [Fact]
    public async Task Start_on_own_startable_booking_is_enabled()
    {
        var doc = await Render(Cell(SlotStatus.Booked, "Minji Kim"), isMine: true, showStart: true, startRefusal: null);

        var button = doc.QuerySelector("button[data-action=start]")!;
        Assert.False(button.HasAttribute("disabled"));
        Assert.Null(button.GetAttribute("aria-describedby"));
    }
}
