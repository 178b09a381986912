using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Series;
using MeetingRoom.Web.Features.Series.Components;

namespace MeetingRoom.Tests.Components;

/// <summary>The preview of a series before it is saved (issue 22, bunit): every occurrence with its state in words, the counts, an empty state.</summary>
public sealed class SeriesPreviewTests : ComponentTestContext
{
    private static SeriesOccurrenceDto On(int day, OccurrenceState state, string? bookedBy = null) =>
        new(new DateOnly(2026, 12, day), "10:00", "11:50", state, bookedBy);

    private static readonly SeriesPreviewDto FiveStates = new(
    [
        On(1, OccurrenceState.Free), On(8, OccurrenceState.Booked, "Minji Kim"), On(15, OccurrenceState.OutOfService),
        On(22, OccurrenceState.OutsideTimetable), On(29, OccurrenceState.Past),
    ], Free: 1, Conflicts: 4, Rrule: "FREQ=WEEKLY;COUNT=5;BYDAY=TU");

    private IRenderedComponent<SeriesPreview> Show(SeriesPreviewDto preview, bool skip = true) =>
        Render<SeriesPreview>(ps => ps.Add(c => c.Preview, preview).Add(c => c.SkipConflicts, skip));

    [Fact]
    public void Each_occurrence_shows_its_date_and_its_state_in_words()
    {
        var rows = Show(FiveStates).FindAll("[data-testid=occurrence]");

        Assert.Equal(["2026-12-01", "2026-12-08", "2026-12-15", "2026-12-22", "2026-12-29"], rows.Select(r => r.GetAttribute("data-date")!).ToArray());
        Assert.Equal(["Free", "Booked by Minji Kim", "Room out of service", "Outside the timetable", "Past"],
            rows.Select(r => r.QuerySelector("[data-testid=occurrence-state]")!.TextContent.Trim()).ToArray());
        Assert.Equal(["Free", "Booked", "OutOfService", "OutsideTimetable", "Past"], rows.Select(r => r.GetAttribute("data-state")!).ToArray());
    }

    [Fact]
    public void The_counts_of_occurrences_free_and_conflicting_are_shown()
    {
        var cut = Show(FiveStates);

        Assert.Equal("5 occurrences", cut.Find("[data-testid=preview-total]").TextContent.Trim());
        Assert.Equal("1 free", cut.Find("[data-testid=preview-free]").TextContent.Trim());
        Assert.Equal("4 conflicts", cut.Find("[data-testid=preview-conflicts]").TextContent.Trim());
    }

    [Fact]
    public void Conflicts_say_whether_saving_skips_them()
    {
        Assert.Contains("skips the 4", Show(FiveStates, skip: true).Find("[data-testid=preview-conflicts-note]").TextContent);
        Assert.Contains("Skip conflicts", Show(FiveStates, skip: false).Find("[data-testid=preview-conflicts-note]").TextContent);
    }

    [Fact]
    public void A_rule_without_dates_shows_the_empty_state_and_no_counts()
    {
        var cut = Show(new SeriesPreviewDto([], 0, 0, ""));

        Assert.Equal("No occurrences", cut.Find("[data-testid=empty-state] .empty-state__title").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=preview-total]"));
    }

    [Fact]
    public void The_states_are_worded_in_korean()
    {
        using var _ = InCulture.Use("ko");

        Assert.Equal("예약 가능", Show(FiveStates).FindAll("[data-testid=occurrence-state]")[0].TextContent.Trim());
    }
}
