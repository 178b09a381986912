using Bunit;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Features.Schedule;
using MudBlazor;

namespace MeetingRoom.Tests.Components;

/// <summary>The Book page's cell (bunit): every state as text, icon and an accessible label (never colour alone); Book and Start.</summary>
public sealed class SlotCellTests : ComponentTestContext
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T09:55:30+09:00");
    private static readonly DateTimeOffset OpensAt = DateTimeOffset.Parse("2026-11-23T10:00:00+09:00");

    private static ScheduleCellDto Cell(SlotStatus state, string? bookedBy = null, DateTimeOffset? since = null) =>
        new("10:00", "11:50", state, OpensAt, bookedBy is null && since is null ? null : Guid.NewGuid(), bookedBy, since);

    private IRenderedComponent<SlotCell> Show(ScheduleCellDto cell, bool isMine = false, bool showStart = false, string? startRefusal = null, bool busy = false) =>
        Render<SlotCell>(ps => ps
            .Add(c => c.RoomId, 7).Add(c => c.RoomName, "Harbor").Add(c => c.Cell, cell).Add(c => c.Day, Day).Add(c => c.Now, Now)
            .Add(c => c.IsMine, isMine).Add(c => c.ShowStart, showStart).Add(c => c.StartRefusal, startRefusal).Add(c => c.Busy, busy));

    [Theory]
    [InlineData(SlotStatus.NotYetOpen, "Opens 10:00", Icons.Material.Filled.Schedule, "Harbor, 10:00–11:50: Not yet open, opens 10:00")]
    [InlineData(SlotStatus.Open, "Open", Icons.Material.Filled.EventAvailable, "Harbor, 10:00–11:50: Open")]
    [InlineData(SlotStatus.Booked, "Booked", Icons.Material.Filled.EventBusy, "Harbor, 10:00–11:50: Booked by Minji Kim")]
    [InlineData(SlotStatus.PendingApproval, "Pending approval", Icons.Material.Filled.HourglassTop, "Harbor, 10:00–11:50: Pending approval by Minji Kim")]
    [InlineData(SlotStatus.InMeeting, "In meeting", Icons.Material.Filled.Groups, "Harbor, 10:00–11:50: In meeting since 10:03")]
    [InlineData(SlotStatus.FreeAgain, "Free again", Icons.Material.Filled.EventRepeat, "Harbor, 10:00–11:50: Free again")]
    [InlineData(SlotStatus.Closed, "Closed", Icons.Material.Filled.LockClock, "Harbor, 10:00–11:50: Closed")]
    [InlineData(SlotStatus.OutOfService, "Out of service", Icons.Material.Filled.Construction, "Harbor, 10:00–11:50: Out of service")]
    public void Each_state_has_text_icon_and_accessible_label(SlotStatus state, string text, string icon, string ariaLabel)
    {
        var cell = state switch
        {
            SlotStatus.Booked or SlotStatus.PendingApproval => Cell(state, "Minji Kim"),
            SlotStatus.InMeeting => Cell(state, "Minji Kim", DateTimeOffset.Parse("2026-11-23T10:03:00+09:00")),
            _ => Cell(state),
        };

        var cut = Show(cell);

        var slot = cut.Find(".slot");
        Assert.Equal(ariaLabel, slot.GetAttribute("aria-label"));
        Assert.Equal("group", slot.GetAttribute("role"));
        Assert.Equal(state.ToString(), slot.GetAttribute("data-state"));
        Assert.Equal(text, cut.Find(".slot__label").TextContent.Trim());
        var svg = cut.Find("svg.slot__icon");
        Assert.Equal("true", svg.GetAttribute("aria-hidden"));
        IconAssert.Shows(icon, svg);
    }

    [Theory]
    [InlineData(5, true)]   // 09:59:55: within the 10 s before the opening, the request waits in line for the instant
    [InlineData(10, true)]
    [InlineData(11, false)] // 09:59:49: too early
    public void A_slot_opening_within_the_early_booking_time_already_offers_Book(int secondsBefore, bool offered)
    {
        var cut = Render<SlotCell>(ps => ps
            .Add(c => c.RoomId, 7).Add(c => c.RoomName, "Harbor").Add(c => c.Cell, Cell(SlotStatus.NotYetOpen)).Add(c => c.Day, Day)
            .Add(c => c.Now, OpensAt.AddSeconds(-secondsBefore)).Add(c => c.BookEarly, TimeSpan.FromSeconds(10)));

        Assert.Equal(offered, cut.FindAll("[data-action=book]").Count == 1);
        Assert.Equal("NotYetOpen", cut.Find(".slot").GetAttribute("data-state"));
    }

    [Fact]
    public void Without_early_booking_a_slot_not_yet_open_offers_no_Book()
    {
        var cut = Show(Cell(SlotStatus.NotYetOpen)); // 4.5 minutes before; BookEarly is zero

        Assert.Empty(cut.FindAll("[data-action=book]"));
    }

    [Fact]
    public void Every_state_has_a_distinct_icon_and_label()
    {
        var views = Enum.GetValues<SlotStatus>().Select(SlotStateText.Of).ToList();

        Assert.Equal(views.Count, views.Select(v => v.Icon).Distinct().Count());
        Assert.Equal(views.Count, views.Select(v => v.Label).Distinct().Count());
    }

    [Fact]
    public void Not_yet_open_shows_a_countdown_to_the_opening()
    {
        var cut = Show(Cell(SlotStatus.NotYetOpen));

        Assert.Equal("in 4:30", cut.Find("[data-testid=cell-detail]").TextContent.Trim());
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Opening_on_another_day_shows_its_date()
    {
        var cut = Show(Cell(SlotStatus.NotYetOpen) with { OpensAt = DateTimeOffset.Parse("2026-11-22T08:00:00+09:00") });

        Assert.Equal("Opens Sun 22 Nov 08:00", cut.Find(".slot__label").TextContent.Trim());
    }

    [Theory]
    [InlineData(SlotStatus.Open)]
    [InlineData(SlotStatus.FreeAgain)]
    public void Open_cells_have_a_labelled_book_button(SlotStatus state)
    {
        var cut = Show(Cell(state));

        var button = cut.Find("button[data-action=book]");
        Assert.Equal("Book Harbor 10:00–11:50", button.GetAttribute("aria-label"));
        Assert.Contains("Book", button.TextContent);
        Assert.False(button.HasAttribute("disabled"));
    }

    [Fact]
    public void Clicking_book_asks_the_page_to_book()
    {
        var booked = 0;
        var cut = Render<SlotCell>(ps => ps.Add(c => c.RoomName, "Harbor").Add(c => c.Cell, Cell(SlotStatus.Open)).Add(c => c.Day, Day)
            .Add(c => c.Now, Now).Add(c => c.OnBook, () => booked++));

        cut.Find("button[data-action=book]").Click();

        Assert.Equal(1, booked);
    }

    [Fact]
    public void Busy_book_button_shows_progress_and_is_disabled()
    {
        var cut = Show(Cell(SlotStatus.Open), busy: true);

        var button = cut.Find("button[data-action=book]");
        Assert.True(button.HasAttribute("disabled"));
        Assert.Equal("true", button.GetAttribute("aria-busy"));
        Assert.NotNull(button.QuerySelector(".mud-progress-circular"));
        Assert.Contains("Booking…", button.TextContent);
    }

    [Theory]
    [InlineData(SlotStatus.NotYetOpen)]
    [InlineData(SlotStatus.Booked)]
    [InlineData(SlotStatus.PendingApproval)]
    [InlineData(SlotStatus.InMeeting)]
    [InlineData(SlotStatus.Closed)]
    [InlineData(SlotStatus.OutOfService)]
    public void Cells_that_are_not_bookable_have_no_book_button(SlotStatus state)
    {
        var cut = Show(Cell(state, "Minji Kim"));

        Assert.Empty(cut.FindAll("button[data-action=book]"));
    }

    [Fact]
    public void Own_booking_says_by_you()
    {
        var cut = Show(Cell(SlotStatus.Booked, "Minji Kim"), isMine: true);

        Assert.Equal("by you", cut.Find("[data-testid=cell-detail]").TextContent.Trim());
        Assert.Equal("Harbor, 10:00–11:50: Booked by you", cut.Find(".slot").GetAttribute("aria-label"));
    }

    [Fact]
    public void Start_on_someone_elses_booking_is_disabled_and_says_why()
    {
        const string why = "Only the member who booked it can start it.";
        var cut = Show(Cell(SlotStatus.Booked, "Minji Kim"), showStart: true, startRefusal: why);

        var button = cut.Find("button[data-action=start]");
        Assert.True(button.HasAttribute("disabled"));
        Assert.Equal(why, button.GetAttribute("title"));
        Assert.Equal(why, cut.Find("#" + button.GetAttribute("aria-describedby")).TextContent.Trim());
    }

    [Fact]
    public void Start_on_own_startable_booking_is_enabled()
    {
        var cut = Show(Cell(SlotStatus.Booked, "Minji Kim"), isMine: true, showStart: true, startRefusal: null);

        var button = cut.Find("button[data-action=start]");
        Assert.False(button.HasAttribute("disabled"));
        Assert.Null(button.GetAttribute("aria-describedby"));
    }
}
