using Bunit;
using MeetingRoom.Domain.Series;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Series.Components;
using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Tests.Components;

/// <summary>The "New series" form (issue 22, bunit): the service's invalid-input problems are shown next to the field they name.</summary>
public sealed class SeriesFormTests : ComponentTestContext
{
    private IRenderedComponent<SeriesForm> Show(SeriesFormModel model, AppProblem? problem) =>
        Render<SeriesForm>(ps => ps.Add(c => c.Model, model).Add(c => c.Problem, problem)
            .Add(c => c.Periods, [new PeriodDto("10:00", "11:50")]).Add(c => c.MyName, "Admin Kim"));

    private static AppProblem Invalid(params (string Field, string Message)[] errors) =>
        AppProblem.Invalid(errors.ToDictionary(e => e.Field, e => new[] { e.Message }));

    private static SeriesFormModel Weekly() => SeriesFormModel.StartingOn(new DateOnly(2026, 11, 24));

    [Theory]
    [InlineData("title", "Give the series a title.")]
    [InlineData("rule.count", "A series has 1 to 500 occurrences.")]
    [InlineData("firstDate", "The first date is not a day of this rule.")]
    [InlineData("rule.byWeekday", "Choose the weekdays of a weekly series.")]
    [InlineData("bookerId", "There is no such member.")]
    [InlineData("start", "There is no such period.")]
    public void A_problem_on_a_field_is_shown_next_to_that_field(string field, string message)
    {
        var cut = Show(Weekly(), Invalid((field, message)));

        Assert.Contains(message, cut.Find($"[data-field='{field}']").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=series-form-problem]"));
    }

    [Fact]
    public void A_problem_on_the_end_date_is_shown_by_the_end_date()
    {
        var model = Weekly();
        model.Ends = SeriesFormModel.EndBy.Until;

        var cut = Show(model, Invalid(("rule.until", "A series spans at most a year.")));

        Assert.Contains("A series spans at most a year.", cut.Find("[data-field='rule.until']").TextContent);
    }

    [Fact]
    public void A_problem_on_the_second_tuesday_is_shown_by_its_position()
    {
        var model = Weekly();
        model.Frequency = SeriesFrequency.Monthly;
        model.Monthly = SeriesFormModel.MonthlyBy.WeekdayOfMonth;

        var cut = Show(model, Invalid(("rule.bySetPosition", "Which weekday of the month: 1 to 5, or −1 for the last.")));

        Assert.Contains("1 to 5", cut.Find("[data-field='rule.bySetPosition']").TextContent);
    }

    [Fact]
    public void A_problem_on_the_rule_as_a_whole_is_shown_above_the_buttons()
    {
        var cut = Show(Weekly(), Invalid(("rule", "A series has at most 500 occurrences.")));

        Assert.Contains("at most 500", cut.Find("[data-testid=series-form-problem]").TextContent);
    }

    [Fact]
    public void Without_a_problem_no_field_shows_an_error()
    {
        var cut = Show(Weekly(), null);

        Assert.Empty(cut.FindAll(".mud-input-error"));
        Assert.Empty(cut.FindAll("[data-testid=series-form-problem]"));
    }

    [Fact]
    public void The_rule_the_form_sends_is_weekly_on_the_first_dates_weekday_with_a_count()
    {
        var rule = Weekly().ToRequest().Rule!;

        Assert.Equal(SeriesFrequency.Weekly, rule.Frequency);
        Assert.Equal([DayOfWeek.Tuesday], rule.ByWeekday);
        Assert.Equal(10, rule.Count);
        Assert.Null(rule.Until);
        Assert.Null(rule.BySetPosition);
    }
}
