using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Features.Board;
using MeetingRoom.Web.Features.Board.Pages;

namespace MeetingRoom.Tests.Components;

/// <summary>The wall display's cell: every state as text + icon + accessible label; booker names only when allowed.</summary>
public class BoardCellMarkupTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T07:05:00+09:00");
    private static readonly DateTimeOffset OpensAt = DateTimeOffset.Parse("2026-11-23T10:00:00+09:00");
    private static readonly DateTimeOffset Since = DateTimeOffset.Parse("2026-11-23T10:03:00+09:00");

    private static ScheduleCellDto Cell(SlotStatus state) => state switch
    {
        SlotStatus.Booked or SlotStatus.PendingApproval => new("10:00", "11:50", state, OpensAt, Guid.NewGuid(), "Minji Kim", null, 3),
        SlotStatus.InMeeting => new("10:00", "11:50", state, OpensAt, Guid.NewGuid(), "Minji Kim", Since, 4),
        _ => new("10:00", "11:50", state, OpensAt, null, null, null, 2),
    };

    private static Task<AngleSharp.Dom.IDocument> Render(ScheduleCellDto cell, bool showNames = false) =>
        MarkupRenderer.RenderAsync<BoardCell>(new Dictionary<string, object?>
        {
            [nameof(BoardCell.RoomName)] = "Harbor",
            [nameof(BoardCell.Cell)] = cell,
            [nameof(BoardCell.Day)] = Day,
            [nameof(BoardCell.Now)] = Now,
            [nameof(BoardCell.ShowBookerName)] = showNames,
        });

    [Theory]
    [InlineData(SlotStatus.NotYetOpen, "Opens 10:00", "in 2 h 55 min", "schedule", "Harbor, 10:00–11:50: Not yet open, opens 10:00")]
    [InlineData(SlotStatus.Open, "Open", null, "event_available", "Harbor, 10:00–11:50: Open")]
    [InlineData(SlotStatus.Booked, "Booked", null, "event_busy", "Harbor, 10:00–11:50: Booked")]
    [InlineData(SlotStatus.PendingApproval, "Pending approval", null, "hourglass_top", "Harbor, 10:00–11:50: Pending approval")]
    [InlineData(SlotStatus.InMeeting, "In meeting", "since 10:03", "groups", "Harbor, 10:00–11:50: In meeting since 10:03")]
    [InlineData(SlotStatus.FreeAgain, "Free again", null, "event_repeat", "Harbor, 10:00–11:50: Free again")]
    [InlineData(SlotStatus.Closed, "Closed", null, "lock_clock", "Harbor, 10:00–11:50: Closed")]
    [InlineData(SlotStatus.OutOfService, "Out of service", null, "construction", "Harbor, 10:00–11:50: Out of service")]
    public async Task Each_state_has_text_icon_and_accessible_label(SlotStatus state, string text, string? detail, string icon, string ariaLabel)
    {
        var doc = await Render(Cell(state));

        var cell = doc.QuerySelector(".bcell")!;
        Assert.Equal(ariaLabel, cell.GetAttribute("aria-label"));
        Assert.Equal("group", cell.GetAttribute("role"));
        Assert.Equal(state.ToString(), cell.GetAttribute("data-state"));
        Assert.Contains($"bcell--{UiText.Of(state).Css}", cell.ClassList);
        Assert.Equal(text, cell.QuerySelector(".bcell__label")!.TextContent.Trim());
        Assert.Equal(detail, cell.QuerySelector("[data-testid=cell-detail]")?.TextContent.Trim());
        var iconElement = cell.QuerySelector("i.rzi.bcell__icon")!;
        Assert.Equal(icon, iconElement.TextContent.Trim());
        Assert.Equal("true", iconElement.GetAttribute("aria-hidden"));
        Assert.Null(cell.QuerySelector("button")); // the wall display is read only
    }

    [Theory]
    [InlineData(SlotStatus.Booked)]
    [InlineData(SlotStatus.PendingApproval)]
    [InlineData(SlotStatus.InMeeting)]
    public async Task Booker_names_are_hidden_unless_the_site_shows_them(SlotStatus state)
    {
        var hidden = await Render(Cell(state), showNames: false);
        var shown = await Render(Cell(state), showNames: true);

        Assert.DoesNotContain("Minji Kim", hidden.Body!.OuterHtml);
        Assert.Contains("by Minji Kim", shown.QuerySelector("[data-testid=cell-detail]")!.TextContent);
    }

    [Fact]
    public async Task Shown_names_read_as_on_the_book_page()
    {
        var booked = await Render(Cell(SlotStatus.Booked), showNames: true);
        var meeting = await Render(Cell(SlotStatus.InMeeting), showNames: true);

        Assert.Equal("Harbor, 10:00–11:50: Booked by Minji Kim", booked.QuerySelector(".bcell")!.GetAttribute("aria-label"));
        Assert.Equal("by Minji Kim", booked.QuerySelector("[data-testid=cell-detail]")!.TextContent.Trim());
        Assert.Equal("since 10:03 · by Minji Kim", meeting.QuerySelector("[data-testid=cell-detail]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_opening_on_another_day_shows_its_date()
    {
        var doc = await Render(Cell(SlotStatus.NotYetOpen) with { OpensAt = DateTimeOffset.Parse("2026-11-22T08:00:00+09:00") });

        Assert.Equal("Opens Sun 22 Nov 08:00", doc.QuerySelector(".bcell__label")!.TextContent.Trim());
    }

    [Fact]
    public async Task Board_and_book_page_share_the_state_wording()
    {
        foreach (var state in Enum.GetValues<SlotStatus>())
        {
            var board = await Render(Cell(state));
            var book = await MarkupRenderer.RenderAsync<SlotCell>(new Dictionary<string, object?>
            {
                [nameof(SlotCell.RoomId)] = 7, [nameof(SlotCell.RoomName)] = "Harbor", [nameof(SlotCell.Cell)] = Cell(state),
                [nameof(SlotCell.Day)] = Day, [nameof(SlotCell.Now)] = Now,
            });
            Assert.Equal(book.QuerySelector(".slot__label")!.TextContent.Trim(), board.QuerySelector(".bcell__label")!.TextContent.Trim());
            Assert.Equal(book.QuerySelector(".slot__icon")!.TextContent.Trim(), board.QuerySelector(".bcell__icon")!.TextContent.Trim());
        }
    }
}
