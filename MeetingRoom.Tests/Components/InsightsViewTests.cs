using System.Net;
using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Insights;
using MeetingRoom.Web.Features.Insights.Components;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The insights figures (<see cref="InsightsView"/>, issue 23) from hand-made reports: every chart has a table with the
/// same numbers and a CSV link for the report's filter; an empty report, a section without rows and a rate with nothing
/// to divide by say so instead of showing zeros; numbers in the reader's culture, openings site-local.
/// </summary>
public sealed class InsightsViewTests : ComponentTestContext
{
    private static readonly InsightsFilter November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    /// <summary>A report for November in Seoul with two rooms on floor 3; <paramref name="change"/> adjusts it.</summary>
    private static InsightsReport Report(Func<InsightsReport, InsightsReport>? change = null)
    {
        var report = new InsightsReport(November, "Asia/Seoul",
            new UtilizationFigures(15, 40, 0.375,
                [new RoomUtilization(1, "Harbor", 3, 12, 24, 0.5), new RoomUtilization(2, "Summit", 3, 3, 16, 0.1875)],
                [new FloorUtilization(3, 15, 40, 0.375)]),
            CheckInRate: 0.8, NoShowRate: 0.125, ReleasedHours: 4, RebookedHours: 1,
            [new HeatmapCell(1, new TimeOnly(9, 0), 6, 8, 0.75), new HeatmapCell(2, new TimeOnly(9, 0), 0, 8, 0), new HeatmapCell(1, new TimeOnly(13, 0), 0, 0, null)],
            new OpeningDemandFigures(
                [new OpeningDemandByRoomPeriod(1, "Harbor", 3, new TimeOnly(9, 0), 20, 57, 18, 39, 11, 2.4)],
                [new OpeningFill(DateTimeOffset.Parse("2026-11-01T23:00:00Z"), 10, 9, 41)]),
            [new CapacityFitRow(1, "Harbor", 3, 12, 7, 3, 0.25), new CapacityFitRow(2, "Summit", 3, 6, 0, null, null)]);
        return change is null ? report : change(report);
    }

    private IRenderedComponent<InsightsView> Show(InsightsReport report) => Render<InsightsView>(ps => ps.Add(v => v.Report, report));

    private static string[] Cells(AngleSharp.Dom.IElement row) => row.Children.Select(c => c.TextContent.Trim()).ToArray();

    [Fact]
    public void The_room_and_floor_tables_show_the_reports_numbers()
    {
        using var english = InCulture.Use("en");
        var view = Show(Report());

        Assert.Equal(["Harbor", "Floor 3", "12.0", "24.0", "50.0%"], Cells(view.Find("[data-table=rooms] tr[data-room='1']")));
        Assert.Equal(["Summit", "Floor 3", "3.0", "16.0", "18.8%"], Cells(view.Find("[data-table=rooms] tr[data-room='2']")));
        Assert.Equal(["Floor 3", "15.0", "40.0", "37.5%"], Cells(view.Find("[data-table=floors] tr[data-floor='3']")));
        Assert.Contains("37.5%", view.Find("[data-figure=utilization]").TextContent);
        Assert.Contains("80.0%", view.Find("[data-figure=check-in-rate]").TextContent);
        Assert.Contains("12.5%", view.Find("[data-figure=no-show-rate]").TextContent);
        Assert.Contains("25.0% of the released hours", view.Find("[data-figure=rebooked-hours]").TextContent);
    }

    [Fact]
    public void Every_section_has_a_chart_drawn_as_svg_with_a_label_and_a_captioned_table()
    {
        using var english = InCulture.Use("en");
        var view = Show(Report());

        var sections = view.FindAll("section[data-section]").Where(s => s.GetAttribute("data-section") != "summary").ToList();
        Assert.Equal(["rooms", "floors", "heatmap", "opening-demand", "openings", "capacity-fit"], sections.Select(s => s.GetAttribute("data-section")));
        foreach (var section in sections)
        {
            var chart = section.QuerySelector(".insights-chart")!;
            Assert.Equal("img", chart.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(chart.GetAttribute("aria-label")));
            Assert.NotNull(chart.QuerySelector("svg"));
            Assert.False(string.IsNullOrWhiteSpace(section.QuerySelector("table caption")?.TextContent));
            Assert.NotNull(section.QuerySelector("h2"));
        }
    }

    [Fact]
    public void Every_csv_link_carries_the_table_and_the_filter()
    {
        var view = Show(Report(r => r with { Filter = November with { Floor = 3, RoomId = 7 } }));

        var links = view.FindAll("a[data-export]").ToDictionary(a => a.GetAttribute("data-export")!, a => WebUtility.HtmlDecode(a.GetAttribute("href")!));
        Assert.Equal(["rooms", "floors", "heatmap", "opening-demand", "openings", "capacity-fit"], links.Keys);
        foreach (var (table, href) in links)
            Assert.Equal($"/api/admin/insights/export?table={table}&from=2026-11-01&to=2026-11-30&floor=3&roomId=7", href);
        Assert.Equal("/api/admin/insights/export?table=rooms&from=2026-11-01&to=2026-11-30", InsightsView.ExportHref(InsightsTable.Rooms, November));
    }

    [Fact]
    public void A_report_without_bookable_time_shows_an_empty_state_not_zeros()
    {
        using var english = InCulture.Use("en");
        var view = Show(Report(r => r with { Utilization = new UtilizationFigures(0, 0, null, [], []), CheckInRate = null, NoShowRate = null }));

        Assert.Contains("No bookable time in this range", view.Find("[data-testid=empty-state]").TextContent);
        Assert.Empty(view.FindAll("table"));
        Assert.Empty(view.FindAll(".insights-chart"));
    }

    [Fact]
    public void A_rate_with_nothing_to_divide_by_shows_a_dash_not_a_zero()
    {
        using var english = InCulture.Use("en");
        var view = Show(Report(r => r with { CheckInRate = null, NoShowRate = null, ReleasedHours = 0, RebookedHours = 0 }));

        foreach (var figure in new[] { "check-in-rate", "no-show-rate" })
        {
            var value = view.Find($"[data-figure={figure}] .insights-card__value");
            Assert.NotNull(value.QuerySelector("[data-none]"));
            Assert.Contains("—", value.TextContent);
            Assert.DoesNotContain("%", value.TextContent);
        }
        Assert.Contains("Nothing was released", view.Find("[data-figure=rebooked-hours]").TextContent);
        var emptyCell = view.Find("[data-table=heatmap] td[data-cell='1-13:00']");
        Assert.NotNull(emptyCell.QuerySelector("[data-none]"));
        Assert.Equal("0.0%", view.Find("[data-table=heatmap] td[data-cell='2-09:00']").TextContent.Trim()); // a real zero stays a zero
        Assert.NotNull(view.Find("[data-table=capacity-fit] tr[data-room='2']").QuerySelector("[data-none]"));
    }

    [Fact]
    public void Sections_without_rows_say_so_in_a_sentence()
    {
        using var english = InCulture.Use("en");
        var view = Show(Report(r => r with { OpeningDemand = new OpeningDemandFigures([], []), CapacityFit = [], Heatmap = [] }));

        string Empty(string section) => view.Find($"section[data-section={section}] [data-testid=section-empty]").TextContent;
        Assert.Contains("Nobody asked for a slot", Empty("opening-demand"));
        Assert.Contains("No booking window opened", Empty("openings"));
        Assert.Contains("gave an attendee count", Empty("capacity-fit"));
        Assert.Contains("No period had bookable time", Empty("heatmap"));
        Assert.NotNull(view.Find("[data-table=rooms]")); // the other sections still show their figures
    }

    [Fact]
    public void The_most_contested_table_holds_the_top_ten_by_losers_then_attempts()
    {
        using var english = InCulture.Use("en");
        var rows = Enumerable.Range(1, 12)
            .Select(i => new OpeningDemandByRoomPeriod(i, $"Room {i}", 1, new TimeOnly(9, 0), 5, Attempts: 10 + i, Winners: 5, Losers: i % 4, WaitlistJoins: 0, null))
            .ToList();
        var view = Show(Report(r => r with { OpeningDemand = r.OpeningDemand with { ByRoomPeriod = rows } }));

        var shown = view.FindAll("[data-table=opening-demand] tbody tr").Select(tr => tr.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Equal(10, shown.Count);
        Assert.Equal(["Room 11", "Room 7", "Room 3", "Room 10", "Room 6"], shown.Take(5)); // 3 losers (most attempts first), then 2
        Assert.Contains("10 of 12", view.Find("section[data-section=opening-demand] .insights-note").TextContent);
    }

    [Fact]
    public void The_demand_row_shows_attempts_winners_losers_joins_and_the_median()
    {
        using var english = InCulture.Use("en");
        var view = Show(Report());

        Assert.Equal(["Harbor", "09:00", "20", "57", "18", "39", "11", "2 s"], Cells(view.Find("[data-table=opening-demand] tr[data-demand='1-09:00']")));
    }

    [Fact]
    public void Openings_are_shown_in_the_sites_time_zone()
    {
        using var english = InCulture.Use("en");
        var view = Show(Report());

        // 23:00 UTC on 1 Nov is 08:00 on Monday 2 Nov in Seoul.
        Assert.Equal(["Mon 2 Nov 2026 08:00", "10", "9", "41 s"], Cells(view.Find("[data-table=openings] tbody tr")));
    }

    [Fact]
    public void The_figures_read_in_Korean()
    {
        using var korean = InCulture.Use("ko");
        var view = Show(Report());

        Assert.Equal("회의실별 이용률", view.Find("#insights-rooms").TextContent.Trim());
        Assert.Equal(["Harbor", "3층", "12.0", "24.0", "50.0%"], Cells(view.Find("[data-table=rooms] tr[data-room='1']")));
        Assert.Contains("2026년 11월 2일 (월) 08:00", view.Find("[data-table=openings] tbody tr").TextContent);
        Assert.Contains("월", view.Find("[data-table=heatmap] thead").TextContent);
    }
}
