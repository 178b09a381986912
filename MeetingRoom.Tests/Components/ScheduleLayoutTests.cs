using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The live grid's phone list (one period at a time, chosen by tabs) and its "find a room now" layout (issue 25), in-process
/// on the real app: the same live cells as the table, a change committed through the API reaching them by the one live path.
/// </summary>
public sealed class ScheduleLayoutTests : ComponentTestContext
{
    private LiveComponentApp _app = default!;

    private async Task<ApiClient> StartAsync(DateTimeOffset at)
    {
        _app = new LiveComponentApp(at);
        _ = _app.Services; // starts the app
        _app.AddTo(Services);
        AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return await _app.SignInNewAsync(admin: true);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private IRenderedComponent<LiveScheduleGrid> Grid(ScheduleLayout layout) =>
        Render<LiveScheduleGrid>(ps => ps
            .Add(g => g.Layout, layout)
            .Add(g => g.RoomTemplate, GridTemplates.RoomName)
            .Add(g => g.CellTemplate, GridTemplates.CellState));

    /// <summary>Waits until the change feed has handed every committed change to this instance's screens.</summary>
    private async Task WaitForQuietAsync(IRenderedComponent<LiveScheduleGrid> grid)
    {
        await _app.WaitForHandlerAsync(ScheduleProjection.HandlerName);
        grid.WaitForState(() => !grid.Instance.IsLoading);
    }

    private static IReadOnlyList<string> Cards(IRenderedComponent<LiveScheduleGrid> grid, string selector = "") =>
        grid.FindAll($"{selector} .room-card").Select(c => c.GetAttribute("data-room-card")!).ToList();

    [Fact]
    public async Task The_list_shows_one_tab_per_period_and_the_period_under_way_first()
    {
        var admin = await StartAsync(DefaultNow); // 10:05: 10:00–11:50 is under way
        await admin.CreateRoomAsync("Harbor");

        var grid = Grid(ScheduleLayout.List);

        grid.WaitForAssertion(() => Assert.NotEmpty(grid.FindAll("[role=tab]")));
        var tabs = grid.FindAll("[role=tab]");
        Assert.Equal(grid.Instance.Schedule!.Periods.Select(p => p.Start), tabs.Select(t => t.GetAttribute("data-period")));
        Assert.Equal("10:00", grid.Find("[role=tab][aria-selected=true]").GetAttribute("data-period"));
        Assert.Empty(grid.FindAll("table"));
    }

    [Fact]
    public async Task The_list_shows_each_room_as_a_card_with_the_chosen_period_s_cell_only()
    {
        var admin = await StartAsync(DefaultNow);
        await admin.CreateRoomAsync("Harbor");
        await admin.CreateRoomAsync("Summit", floor: 2);
        var grid = Grid(ScheduleLayout.List);
        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll(".room-card").Count));

        // (a push of the rooms' registration may re-render the list meanwhile: a click on the render it replaced is lost, so click again)
        grid.WaitForAssertion(() =>
        {
            grid.Find("[role=tab][data-period=\"13:00\"]").Click();
            Assert.Equal("true", grid.Find("[role=tab][data-period=\"13:00\"]").GetAttribute("aria-selected"));
        });

        Assert.All(grid.FindAll(".room-card [data-start]"), cell => Assert.Equal("13:00", cell.GetAttribute("data-start")));
        Assert.Equal(["1", "2"], grid.FindAll("[data-floor]").Select(f => f.GetAttribute("data-floor")!));
    }

    [Fact]
    public async Task Arrow_keys_move_between_period_tabs()
    {
        var admin = await StartAsync(DefaultNow);
        await admin.CreateRoomAsync("Harbor");
        var grid = Grid(ScheduleLayout.List);
        grid.WaitForAssertion(() => Assert.NotEmpty(grid.FindAll("[role=tab]")));
        await WaitForQuietAsync(grid); // the rooms' registration is pushed after the first snapshot: let it land before pressing keys
        var periods = grid.Instance.Schedule!.Periods;

        var under = periods.Select(p => p.Start).ToList().IndexOf("10:00");

        await grid.Find("[role=tab][aria-selected=true]").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowLeft" });
        Assert.Equal(periods[under - 1].Start, grid.Find("[role=tab][aria-selected=true]").GetAttribute("data-period"));

        await grid.Find("[role=tab][aria-selected=true]").KeyDownAsync(new KeyboardEventArgs { Key = "End" });
        await grid.Find("[role=tab][aria-selected=true]").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight" });
        Assert.Equal(periods[0].Start, grid.Find("[role=tab][aria-selected=true]").GetAttribute("data-period")); // from the last, wraps to the first

        await grid.Find("[role=tab][aria-selected=true]").KeyDownAsync(new KeyboardEventArgs { Key = "End" });
        await grid.Find("[role=tab][aria-selected=true]").KeyDownAsync(new KeyboardEventArgs { Key = "Home" });
        Assert.Equal(periods[0].Start, grid.Find("[role=tab][aria-selected=true]").GetAttribute("data-period"));
        Assert.Equal("0", grid.Find("[role=tab][aria-selected=true]").GetAttribute("tabindex"));
        Assert.All(grid.FindAll("[role=tab][aria-selected=false]"), t => Assert.Equal("-1", t.GetAttribute("tabindex")));
    }

    [Fact]
    public async Task A_booking_committed_elsewhere_re_renders_the_card()
    {
        var admin = await StartAsync(DefaultNow);
        var room = await admin.CreateRoomAsync("Harbor");
        var grid = Grid(ScheduleLayout.List);
        grid.WaitForAssertion(() => Assert.Equal("Open", grid.Find("[data-room=Harbor]").GetAttribute("data-state")));

        await (await _app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");

        grid.WaitForAssertion(() => Assert.Equal("Booked", grid.Find("[data-room=Harbor]").GetAttribute("data-state")), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Now_lists_the_free_rooms_of_the_period_under_way_and_the_next_smallest_fit_first()
    {
        var admin = await StartAsync(DefaultNow);
        await admin.CreateRoomAsync("Atrium", floor: 1, capacity: 12);
        await admin.CreateRoomAsync("Nook", floor: 3, capacity: 4);
        await admin.CreateRoomAsync("Booth", floor: 2, capacity: 4);
        var taken = await admin.CreateRoomAsync("Cedar", floor: 1, capacity: 6);
        await (await _app.SignInNewAsync()).BookOkAsync(taken, Today, "10:00");

        var grid = Grid(ScheduleLayout.Now);

        grid.WaitForAssertion(() => Assert.Equal(["Booth", "Nook", "Atrium"], Cards(grid, "section[data-under-way=true]")), TimeSpan.FromSeconds(15));
        Assert.Equal("10:00", grid.Find("section[data-under-way=true]").GetAttribute("data-period"));
        Assert.Equal(["Booth", "Nook", "Cedar", "Atrium"], Cards(grid, "section[data-under-way=false]"));
    }

    [Fact]
    public async Task Now_shows_a_room_the_moment_its_slot_is_freed()
    {
        var admin = await StartAsync(DefaultNow);
        var room = await admin.CreateRoomAsync("Cedar");
        var member = await _app.SignInNewAsync();
        var booking = await member.BookOkAsync(room, Today, "10:00");
        var grid = Grid(ScheduleLayout.Now);
        grid.WaitForAssertion(() => Assert.NotNull(grid.Find("section[data-under-way=true] [data-testid=none-free]")), TimeSpan.FromSeconds(15));

        (await member.PostAsync($"/api/bookings/{booking}/cancel", new { })).EnsureSuccessStatusCode();

        grid.WaitForAssertion(() => Assert.Equal(["Cedar"], Cards(grid, "section[data-under-way=true]")), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Now_before_the_first_period_lists_only_the_next()
    {
        var admin = await StartAsync(DateTimeOffset.Parse("2026-11-23T07:00:00+09:00"));
        await admin.CreateRoomAsync("Harbor");

        var grid = Grid(ScheduleLayout.Now);

        grid.WaitForAssertion(() => Assert.Single(grid.FindAll("section[data-period]")));
        Assert.Equal("false", grid.Find("section[data-period]").GetAttribute("data-under-way"));
        Assert.Equal(grid.Instance.Schedule!.Periods[0].Start, grid.Find("section[data-period]").GetAttribute("data-period"));
    }
}
