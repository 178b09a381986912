using MeetingRoom.Web.Features.Schedule;

namespace MeetingRoom.Tests.Schedule;

/// <summary>How the wall display cuts its rooms into pages that fit the screen (whole floors where they fit, in order).</summary>
public sealed class BoardPagesTests
{
    /// <summary>Rows of 50 px, 60 px per floor besides its rows.</summary>
    private static BoardFit Screen(double available) => new(available, 50, 60);

    private static List<ScheduleRoomDto> Rooms(params int[] roomsPerFloor) =>
        roomsPerFloor.SelectMany((count, f) => Enumerable.Range(1, count).Select(n =>
            new ScheduleRoomDto((f + 1) * 100 + n, $"Room {f + 1}0{n}", f + 1, 4, [], false, []))).ToList();

    private static List<int[]> Split(IReadOnlyList<ScheduleRoomDto> rooms, BoardFit fit) =>
        BoardPages.Split(rooms, fit).Select(p => p.Order().ToArray()).ToList();

    [Fact]
    public void Everything_that_fits_is_one_page()
    {
        var rooms = Rooms(4, 4, 4); // 3 × (60 + 4 × 50) = 780

        var pages = Split(rooms, Screen(780));

        Assert.Equal([rooms.Select(r => r.RoomId).Order().ToArray()], pages);
    }

    [Fact]
    public void Floors_that_do_not_fit_go_whole_to_the_next_page()
    {
        var pages = Split(Rooms(4, 4, 4), Screen(600)); // two floors (520) fit, the third does not

        Assert.Equal([[101, 102, 103, 104, 201, 202, 203, 204], [301, 302, 303, 304]], pages);
    }

    [Fact]
    public void A_floor_taller_than_the_screen_is_split_across_pages()
    {
        var pages = Split(Rooms(7), Screen(260)); // (260 − 60) / 50 = 4 rows a screen

        Assert.Equal([[101, 102, 103, 104], [105, 106, 107]], pages);
    }

    [Fact]
    public void Every_room_is_on_exactly_one_page()
    {
        var rooms = Rooms(3, 9, 1, 5, 4);

        var pages = Split(rooms, Screen(400));

        Assert.Equal(rooms.Select(r => r.RoomId).Order(), pages.SelectMany(p => p).Order());
        Assert.True(pages.Count > 1);
    }

    [Fact]
    public void Nothing_measured_yet_shows_all_rooms()
    {
        var rooms = Rooms(4, 4);

        Assert.Single(BoardPages.Split(rooms, new BoardFit(0, 0, 0)));
    }
}
