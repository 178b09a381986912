using Bunit;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MudBlazor;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Schedule.Pages;

namespace MeetingRoom.Tests.Components;

/// <summary>The wall display's cell: every state as text + icon + accessible label; booker names only when allowed.</summary>
public sealed class BoardCellTests : ComponentTestContext
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

    private IRenderedComponent<BoardCell> Show(ScheduleCellDto cell, bool showNames = false) =>
        Render<BoardCell>(ps => ps.Add(c => c.RoomName, "Harbor").Add(c => c.Cell, cell).Add(c => c.Day, Day).Add(c => c.Now, Now)
            .Add(c => c.ShowBookerName, showNames));

    [Theory]
    [InlineData(SlotStatus.NotYetOpen, "Opens 10:00", "in 2 h 55 min", Icons.Material.Filled.Schedule, "Harbor, 10:00–11:50: Not yet open, opens 10:00")]
    [InlineData(SlotStatus.Open, "Open", null, Icons.Material.Filled.EventAvailable, "Harbor, 10:00–11:50: Open")]
    [InlineData(SlotStatus.Booked, "Booked", null, Icons.Material.Filled.EventBusy, "Harbor, 10:00–11:50: Booked")]
    [InlineData(SlotStatus.PendingApproval, "Pending approval", null, Icons.Material.Filled.HourglassTop, "Harbor, 10:00–11:50: Pending approval")]
    [InlineData(SlotStatus.InMeeting, "In meeting", "since 10:03", Icons.Material.Filled.Groups, "Harbor, 10:00–11:50: In meeting since 10:03")]
    [InlineData(SlotStatus.FreeAgain, "Free again", null, Icons.Material.Filled.EventRepeat, "Harbor, 10:00–11:50: Free again")]
    [InlineData(SlotStatus.Closed, "Closed", null, Icons.Material.Filled.LockClock, "Harbor, 10:00–11:50: Closed")]
    [InlineData(SlotStatus.OutOfService, "Out of service", null, Icons.Material.Filled.Construction, "Harbor, 10:00–11:50: Out of service")]
    public void Each_state_has_text_icon_and_accessible_label(SlotStatus state, string text, string? detail, string icon, string ariaLabel)
    {
        var cut = Show(Cell(state));

        var cell = cut.Find(".bcell");
        Assert.Equal(ariaLabel, cell.GetAttribute("aria-label"));
        Assert.Equal("group", cell.GetAttribute("role"));
        Assert.Equal(state.ToString(), cell.GetAttribute("data-state"));
        Assert.Contains($"bcell--{SlotStateText.Of(state).Css}", cell.ClassList);
        Assert.Equal(text, cell.QuerySelector(".bcell__label")!.TextContent.Trim());
        Assert.Equal(detail, cell.QuerySelector("[data-testid=cell-detail]")?.TextContent.Trim());
        var svg = cell.QuerySelector("svg.bcell__icon")!;
        IconAssert.Shows(icon, svg);
        Assert.Equal("true", svg.GetAttribute("aria-hidden"));
        Assert.Null(cell.QuerySelector("button")); // the wall display is read only
    }

    [Theory]
    [InlineData(SlotStatus.Booked)]
    [InlineData(SlotStatus.PendingApproval)]
    [InlineData(SlotStatus.InMeeting)]
    public void Booker_names_are_hidden_unless_the_site_shows_them(SlotStatus state)
    {
        var hidden = Show(Cell(state), showNames: false);
        var shown = Show(Cell(state), showNames: true);

        Assert.DoesNotContain("Minji Kim", hidden.Markup);
        Assert.Contains("by Minji Kim", shown.Find("[data-testid=cell-detail]").TextContent);
    }

    [Fact]
    public void Shown_names_read_as_on_the_book_page()
    {
        var booked = Show(Cell(SlotStatus.Booked), showNames: true);
        var meeting = Show(Cell(SlotStatus.InMeeting), showNames: true);

        Assert.Equal("Harbor, 10:00–11:50: Booked by Minji Kim", booked.Find(".bcell").GetAttribute("aria-label"));
        Assert.Equal("by Minji Kim", booked.Find("[data-testid=cell-detail]").TextContent.Trim());
        Assert.Equal("since 10:03 · by Minji Kim", meeting.Find("[data-testid=cell-detail]").TextContent.Trim());
    }

    [Fact]
    public void An_opening_on_another_day_shows_its_date()
    {
        var cut = Show(Cell(SlotStatus.NotYetOpen) with { OpensAt = DateTimeOffset.Parse("2026-11-22T08:00:00+09:00") });

        Assert.Equal("Opens Sun 22 Nov 08:00", cut.Find(".bcell__label").TextContent.Trim());
    }

    [Fact]
    public void Board_and_book_page_share_the_state_wording()
    {
        foreach (var state in Enum.GetValues<SlotStatus>())
        {
            var board = Show(Cell(state));
            var book = Render<SlotCell>(ps => ps.Add(c => c.RoomId, 7).Add(c => c.RoomName, "Harbor").Add(c => c.Cell, Cell(state))
                .Add(c => c.Day, Day).Add(c => c.Now, Now));
            Assert.Equal(book.Find(".slot__label").TextContent.Trim(), board.Find(".bcell__label").TextContent.Trim());
            Assert.Equal(book.Find(".slot__icon").InnerHtml, board.Find(".bcell__icon").InnerHtml);
        }
    }

    [Theory]
    [InlineData(SlotStatus.NotYetOpen, "2시간 55분 후", "Harbor, 10:00–11:50: 오픈 전, 10:00 오픈")]
    [InlineData(SlotStatus.Open, null, "Harbor, 10:00–11:50: 예약 가능")]
    [InlineData(SlotStatus.Booked, null, "Harbor, 10:00–11:50: 예약됨")]
    [InlineData(SlotStatus.PendingApproval, null, "Harbor, 10:00–11:50: 승인 대기")]
    [InlineData(SlotStatus.InMeeting, "10:03부터", "Harbor, 10:00–11:50: 회의 중, 10:03부터")]
    [InlineData(SlotStatus.FreeAgain, null, "Harbor, 10:00–11:50: 다시 예약 가능")]
    [InlineData(SlotStatus.Closed, null, "Harbor, 10:00–11:50: 마감")]
    [InlineData(SlotStatus.OutOfService, null, "Harbor, 10:00–11:50: 사용 중지")]
    public void Each_state_reads_in_Korean(SlotStatus state, string? detail, string ariaLabel)
    {
        using var korean = InCulture.Use("ko");

        var cell = Show(Cell(state)).Find(".bcell");

        Assert.Equal(ariaLabel, cell.GetAttribute("aria-label"));
        Assert.Equal(detail, cell.QuerySelector("[data-testid=cell-detail]")?.TextContent.Trim());
        Assert.Equal(state.ToString(), cell.GetAttribute("data-state")); // data stays culture-free
    }

    [Fact]
    public void Shown_names_and_meeting_times_read_in_Korean_without_English_words()
    {
        using var korean = InCulture.Use("ko");

        var booked = Show(Cell(SlotStatus.Booked), showNames: true).Find(".bcell");
        var meeting = Show(Cell(SlotStatus.InMeeting), showNames: true).Find(".bcell");
        var opening = Show(Cell(SlotStatus.NotYetOpen) with { OpensAt = DateTimeOffset.Parse("2026-11-22T08:00:00+09:00") }).Find(".bcell");

        Assert.Equal("Harbor, 10:00–11:50: 예약됨, Minji Kim 님", booked.GetAttribute("aria-label"));
        Assert.Equal("Minji Kim 님", booked.QuerySelector("[data-testid=cell-detail]")!.TextContent.Trim());
        Assert.Equal("10:03부터 · Minji Kim 님", meeting.QuerySelector("[data-testid=cell-detail]")!.TextContent.Trim());
        Assert.Equal("Harbor, 10:00–11:50: 오픈 전, 11월 22일 (일) 08:00 오픈", opening.GetAttribute("aria-label"));
        var words = string.Join(" | ", booked.GetAttribute("aria-label"), booked.QuerySelector("[data-testid=cell-detail]")!.TextContent,
            meeting.GetAttribute("aria-label"), meeting.QuerySelector("[data-testid=cell-detail]")!.TextContent, opening.GetAttribute("aria-label"));
        foreach (var english in new[] { "by ", "since", "Booked", "In meeting", "opens", "Not yet open", "Sun", "Nov" })
            Assert.DoesNotContain(english, words);
    }
}
