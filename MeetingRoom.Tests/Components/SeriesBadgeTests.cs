using Bunit;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Schedule.Pages;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The series badge on a grid cell (issue 22): an occurrence of a series shows its title instead of the booker's name, with
/// a "Series" badge (icon and word), on the Book page's cell and on the wall board's (where names may be hidden: a title is
/// not a person's name); a member's own booking has no badge.
/// </summary>
public sealed class SeriesBadgeTests : ComponentTestContext
{
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T09:55:30+09:00");
    private static readonly DateTimeOffset OpensAt = DateTimeOffset.Parse("2026-11-24T10:00:00+09:00");

    private static ScheduleCellDto Occurrence() =>
        new("10:00", "11:50", SlotStatus.Booked, OpensAt, Guid.NewGuid(), "Minji Kim", null, 5, 0, Guid.NewGuid(), "Team sync");

    private static ScheduleCellDto OwnBooking() => new("10:00", "11:50", SlotStatus.Booked, OpensAt, Guid.NewGuid(), "Minji Kim", null, 5);

    private IRenderedComponent<SlotCell> Book(ScheduleCellDto cell) =>
        Render<SlotCell>(ps => ps.Add(c => c.RoomId, 7).Add(c => c.RoomName, "Harbor").Add(c => c.Cell, cell).Add(c => c.Day, Day).Add(c => c.Now, Now));

    private IRenderedComponent<BoardCell> Board(ScheduleCellDto cell) =>
        Render<BoardCell>(ps => ps.Add(c => c.RoomName, "Harbor").Add(c => c.Cell, cell).Add(c => c.Day, Day).Add(c => c.Now, Now)
            .Add(c => c.ShowBookerName, false));

    [Fact]
    public void A_series_occurrence_on_the_book_page_shows_its_title_and_the_badge_instead_of_the_booker()
    {
        var cut = Book(Occurrence());

        Assert.Equal("Series", cut.Find("[data-testid=series-badge]").TextContent.Trim());
        Assert.Equal("“Team sync”", cut.Find("[data-testid=cell-detail]").TextContent.Trim());
        Assert.Equal("Harbor, 10:00–11:50: Booked “Team sync”", cut.Find(".slot").GetAttribute("aria-label"));
        Assert.DoesNotContain("Minji Kim", cut.Markup);
    }

    [Fact]
    public void A_series_occurrence_on_the_board_shows_its_title_even_where_names_are_hidden()
    {
        var cut = Board(Occurrence());

        Assert.NotNull(cut.Find("[data-testid=series-badge]"));
        Assert.Equal("“Team sync”", cut.Find("[data-testid=cell-detail]").TextContent.Trim());
    }

    [Fact]
    public void A_members_own_booking_has_no_series_badge()
    {
        Assert.Empty(Book(OwnBooking()).FindAll("[data-testid=series-badge]"));
        Assert.Empty(Board(OwnBooking()).FindAll("[data-testid=series-badge]"));
    }

    [Fact]
    public void The_badge_is_worded_in_korean()
    {
        using var _ = InCulture.Use("ko");

        Assert.Equal("반복 예약", Book(Occurrence()).Find("[data-testid=series-badge]").TextContent.Trim());
    }
}
