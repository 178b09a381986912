using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Insights;
using MeetingRoom.Web.Features.Insights.Components;
using MeetingRoom.Web.Features.Rooms;
using MeetingRoom.Web.Infrastructure.Http;
using MudBlazor;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The filter of <c>/admin/insights</c> (<see cref="InsightsFilterBar"/>, issue 23): Show tells the page the dates,
/// floor and room; a problem the query answered (from after to, over 2 years, unknown room) is shown next to its field,
/// one naming no field as an alert.
/// </summary>
public sealed class InsightsFilterBarTests : ComponentTestContext
{
    private static readonly InsightsFilter November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static readonly RoomDto[] Rooms =
    [
        new(1, "Harbor", 3, 12, [], false, false, null),
        new(2, "Summit", 5, 6, [], false, false, null),
    ];

    private readonly List<InsightsFilter> _applied = [];

    private IRenderedComponent<InsightsFilterBar> Show(InsightsFilter initial, AppProblem? problem = null)
    {
        Render<MudPopoverProvider>();
        return Render<InsightsFilterBar>(ps => ps.Add(b => b.Initial, initial).Add(b => b.Rooms, Rooms).Add(b => b.Problem, problem)
            .Add(b => b.OnApply, (InsightsFilter f) => _applied.Add(f)));
    }

    [Fact]
    public void Show_tells_the_dates_floor_and_room()
    {
        using var english = InCulture.Use("en");
        var bar = Show(November with { Floor = 3, RoomId = 1 });

        bar.Find("form").Submit();

        Assert.Equal([November with { Floor = 3, RoomId = 1 }], _applied);
    }

    [Fact]
    public void Choosing_another_floor_clears_a_room_of_the_old_floor()
    {
        using var english = InCulture.Use("en");
        var bar = Show(November with { Floor = 3, RoomId = 1 });
        var floor = bar.FindComponents<MudSelect<int?>>().Single(s => s.Instance.InputId == "insights-floor");

        bar.InvokeAsync(() => floor.Instance.ValueChanged.InvokeAsync(5));
        bar.Find("form").Submit();

        Assert.Equal([November with { Floor = 5, RoomId = null }], _applied);
    }

    [Fact]
    public void A_bad_range_is_shown_next_to_its_field()
    {
        using var english = InCulture.Use("en");
        var bar = Show(November, AppProblem.Invalid("to", "The end date must not be before the start date."));

        Assert.Equal("The end date must not be before the start date.", bar.Find("[data-field-error=to]").TextContent.Trim());
        Assert.Equal("alert", bar.Find("[data-field-error=to]").GetAttribute("role"));
        Assert.Empty(bar.FindAll("[data-field-error=from]"));
        Assert.Empty(bar.FindAll("[data-testid=filter-problem]"));
    }

    [Fact]
    public void An_unknown_room_is_shown_next_to_the_room_field()
    {
        var bar = Show(November with { RoomId = 99 }, AppProblem.Invalid("roomId", "No room 99."));

        Assert.Equal("No room 99.", bar.Find("[data-field-error=roomId]").TextContent.Trim());
    }

    [Fact]
    public void A_problem_naming_no_field_is_shown_as_an_alert()
    {
        var bar = Show(November, AppProblem.Invalid("range", "At most 731 days."));

        Assert.Contains("At most 731 days.", bar.Find("[data-testid=filter-problem]").TextContent);
    }

    [Fact]
    public void The_filter_reads_in_Korean()
    {
        using var korean = InCulture.Use("ko");
        var bar = Show(November);

        Assert.Contains("보기", bar.Find("[data-testid=insights-apply]").TextContent);
        Assert.Contains(bar.FindComponents<MudSelect<int?>>(), s => s.Instance.Label == "회의실");
    }
}
