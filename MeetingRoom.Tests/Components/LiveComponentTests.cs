using System.Security.Claims;
using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Schedule.Pages;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// Live components in-process (bunit) on the real app: a change committed through the API reaches the grid
/// by the one live path, the clock (a FakeTimeProvider) opens a window without a reload, and a page that is
/// left ends its subscriptions; the bell follows pushed notifications.
/// </summary>
public sealed class LiveComponentTests : ComponentTestContext
{
    private LiveComponentApp _app = default!;
    private Bunit.TestDoubles.BunitAuthorizationContext _auth = default!;

    private void Start(DateTimeOffset at)
    {
        _app = new LiveComponentApp(at);
        _ = _app.Services; // starts the app
        _app.AddTo(Services);
        _auth = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private IRenderedComponent<LiveScheduleGrid> Grid() =>
        Render<LiveScheduleGrid>(ps => ps
            .Add(g => g.RoomTemplate, GridTemplates.RoomName)
            .Add(g => g.CellTemplate, GridTemplates.CellState));

    private static string StateOf(IRenderedComponent<LiveScheduleGrid> grid, string room, string start) =>
        grid.Find($"[data-room=\"{room}\"][data-start=\"{start}\"]").GetAttribute("data-state")!;

    [Fact]
    public async Task A_booking_committed_elsewhere_re_renders_the_cell()
    {
        Start(DefaultNow);
        var admin = await _app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Harbor");
        var grid = Grid();
        grid.WaitForAssertion(() => Assert.Equal("Open", StateOf(grid, "Harbor", "10:00")));

        await (await _app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");

        grid.WaitForAssertion(() => Assert.Equal("Booked", StateOf(grid, "Harbor", "10:00")), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Advancing_the_clock_to_the_opening_flips_the_cell_to_bookable()
    {
        Start(DateTimeOffset.Parse("2026-11-23T12:59:50+09:00"));
        await (await _app.SignInNewAsync(admin: true)).CreateRoomAsync("Summit");
        var grid = Grid();
        grid.WaitForAssertion(() => Assert.Equal("NotYetOpen", StateOf(grid, "Summit", "13:00")));

        _app.Time.Advance(TimeSpan.FromSeconds(11)); // 13:00:01: the grid's per-second tick sees the window open

        grid.WaitForAssertion(() => Assert.Equal("Open", StateOf(grid, "Summit", "13:00")), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Leaving_the_board_ends_its_subscription()
    {
        Start(DefaultNow);
        await (await _app.SignInNewAsync(admin: true)).CreateRoomAsync("Cedar");
        var notifier = _app.Services.GetRequiredService<ScheduleNotifier>();
        var before = notifier.SubscriberCount;
        var board = Render<MeetingRoom.Web.Features.Schedule.Pages.Board>();
        board.WaitForAssertion(() => Assert.NotEmpty(board.FindAll(".bcell[data-room=\"Cedar\"]")));
        Assert.Equal(before + 1, notifier.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(before, notifier.SubscriberCount);
    }

    [Fact]
    public async Task The_bell_counts_a_notification_pushed_for_the_member()
    {
        Start(DefaultNow);
        var admin = await _app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Willow");
        var member = await _app.SignInNewAsync(name: "Mia Yoon");
        await member.BookOkAsync(room, Today, "10:00");
        var id = await _app.UserIdAsync(member);
        _auth.SetAuthorized("Mia Yoon");
        _auth.SetRoles(Roles.Member);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id));
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("0", bell.Find("[data-testid=bell]").GetAttribute("data-unread")));

        await admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Burst pipe" });

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=bell]").GetAttribute("data-unread")), TimeSpan.FromSeconds(15));
        Assert.Equal("Notifications, 1 unread", bell.Find("[data-testid=bell]").GetAttribute("aria-label"));
    }
}
