using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// Live subscribers by kind (issue 24) on real components: the board page's grid counts as a board, the Book page's
/// grid as a page, while they are shown; leaving them counts them down.
/// </summary>
public sealed class LiveSubscriberComponentTests : ComponentTestContext
{
    private LiveComponentApp _app = default!;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_shown_board_and_book_grid_are_live_subscribers_of_their_kind_until_left()
    {
        _app = new LiveComponentApp(DefaultNow);
        _ = _app.Services; // starts the app
        _app.AddTo(Services);
        AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        using var subscribers = new MetricCollector<long>(_app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            MeetingRoomMetrics.MeterName, "meetingroom.live.subscribers");
        Dictionary<string, long> Live() => subscribers.GetMeasurementSnapshot()
            .GroupBy(m => (string)m.Tags["kind"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        await (await _app.SignInNewAsync(admin: true)).CreateRoomAsync("Cedar");

        var board = Render<MeetingRoom.Web.Features.Schedule.Pages.Board>();
        board.WaitForAssertion(() => Assert.NotEmpty(board.FindAll(".bcell[data-room=\"Cedar\"]")));
        var grid = Render<LiveScheduleGrid>(ps => ps
            .Add(g => g.RoomTemplate, room => b => b.AddContent(0, room.Name))
            .Add(g => g.CellTemplate, slot => b => b.AddContent(0, slot.Cell.Start)));
        grid.WaitForAssertion(() => Assert.Equal(1, Live().GetValueOrDefault("page")));
        Assert.Equal(1, Live()["board"]);

        await DisposeComponentsAsync();

        Assert.Equal(new Dictionary<string, long> { ["board"] = 0, ["page"] = 0 }, Live());
    }
}
