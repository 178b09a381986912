namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// Splits the wall display's rooms into pages that fit its screen without scrolling: whole floors where
/// they fit, in floor order, as many as fit on a page; a floor taller than a screen is split across pages.
/// </summary>
public static class BoardPages
{
    /// <summary>
    /// The pages (each a set of room ids); one page (all rooms) when everything fits or nothing can be measured.
    /// <paramref name="rooms"/> come in display order (by floor).
    /// </summary>
    public static IReadOnlyList<IReadOnlySet<int>> Split(IReadOnlyList<ScheduleRoomDto> rooms, BoardFit fit)
    {
        if (rooms.Count == 0 || fit.Row <= 0 || fit.Available <= 0) return [rooms.Select(r => r.RoomId).ToHashSet()];
        var rowsPerScreen = Math.Max(1, (int)Math.Floor((fit.Available - fit.FloorChrome) / fit.Row));
        var pages = new List<IReadOnlySet<int>>();
        var page = new HashSet<int>();
        var used = 0.0;
        foreach (var floor in rooms.GroupBy(r => r.Floor))
        {
            var floorRooms = floor.ToList();
            var height = fit.FloorChrome + floorRooms.Count * fit.Row;
            if (page.Count > 0 && used + height > fit.Available) // this floor goes to the next page
            {
                pages.Add(page);
                page = [];
                used = 0;
            }
            foreach (var chunk in floorRooms.Chunk(rowsPerScreen))
            {
                if (page.Count > 0 && used + fit.FloorChrome + chunk.Length * fit.Row > fit.Available)
                {
                    pages.Add(page);
                    page = [];
                    used = 0;
                }
                foreach (var room in chunk) page.Add(room.RoomId);
                used += fit.FloorChrome + chunk.Length * fit.Row;
            }
        }
        if (page.Count > 0) pages.Add(page);
        return pages;
    }
}
