using System.Net;
using MeetingRoom.Domain.Members;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.SeriesApi;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The bad input of issue 22: every one is a clear RFC 7807 problem with a stable type, and nothing is written (no series, no
/// booking). Today is Monday 2026-11-23 (Seoul).
/// </summary>
public sealed class SeriesProblemTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private ApiClient _admin = null!;
    private int _room;

    public async Task InitializeAsync()
    {
        _admin = await app.SignInNewAsync(admin: true);
        _room = await _admin.CreateRoomAsync($"Problems {Guid.NewGuid():N}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A rule (the JSON the API takes) → the field its 400 invalid-input names.</summary>
    public static TheoryData<string, string, string> BadRules() => new()
    {
        { "no end", """{"frequency":"Daily"}""", "rule" },
        { "more than 500", """{"frequency":"Daily","count":501}""", "rule.count" },
        { "longer than a year", """{"frequency":"Daily","until":"2027-12-01"}""", "rule.until" },
        { "31st of months that lack it", """{"frequency":"Monthly","count":3,"byMonthDay":31}""", "rule.byMonthDay" },
        { "weekly without weekdays", """{"frequency":"Weekly","count":3}""", "rule.byWeekday" },
        { "first date not in the rule", """{"frequency":"Weekly","count":3,"byWeekday":["Friday"]}""", "firstDate" },
    };

    [Theory, MemberData(nameof(BadRules))]
    public async Task A_bad_rule_is_invalid_input_naming_its_field_and_writes_nothing(string why, string rule, string field)
    {
        var firstDate = why == "31st of months that lack it" ? "2026-12-31" : "2026-11-30";
        var before = await CountAsync(app.Services);

        foreach (var path in new[] { "/api/admin/series/preview", "/api/admin/series" })
        {
            var response = await _admin.PostAsync(path, Body(_room, firstDate, System.Text.Json.JsonDocument.Parse(rule).RootElement));

            var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{why}: {problem}");
        }
        Assert.Equal(before, await CountAsync(app.Services));
    }

    [Fact]
    public async Task An_unknown_frequency_is_invalid_input()
    {
        var response = await _admin.PostAsync("/api/admin/series", Body(_room, "2026-11-30", new { frequency = "Yearly", count = 2 }));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
    }

    [Fact]
    public async Task A_start_outside_the_timetable_is_unknown_period()
    {
        var response = await _admin.PostAsync("/api/admin/series", Body(_room, "2026-11-30", Weekly(2, "Monday"), start: "10:30"));

        await response.ShouldBeProblem(HttpStatusCode.NotFound, "unknown-period");
    }

    [Fact]
    public async Task A_start_that_is_not_a_time_is_invalid_input_on_start()
    {
        var response = await _admin.PostAsync("/api/admin/series", Body(_room, "2026-11-30", Weekly(2, "Monday"), start: "ten"));

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        Assert.True(problem.GetProperty("errors").TryGetProperty("start", out _));
    }

    [Fact]
    public async Task A_missing_title_is_invalid_input_on_title()
    {
        var response = await _admin.PostAsync("/api/admin/series", Body(_room, "2026-11-30", Weekly(2, "Monday"), title: " "));

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
    }

    [Fact]
    public async Task An_unknown_room_is_unknown_room()
    {
        await (await _admin.PostAsync("/api/admin/series", Body(999999, "2026-11-30", Weekly(2, "Monday"))))
            .ShouldBeProblem(HttpStatusCode.NotFound, "unknown-room");
    }

    [Fact]
    public async Task An_unknown_booker_is_unknown_member()
    {
        await (await _admin.PostAsync("/api/admin/series", Body(_room, "2026-11-30", Weekly(2, "Monday"), bookerId: "nobody")))
            .ShouldBeProblem(HttpStatusCode.NotFound, "unknown-member");
    }

    [Fact]
    public async Task A_deactivated_booker_is_unknown_member()
    {
        var member = await app.SignInNewAsync();
        await MemberSeeder.SetStatusAsync(app.Services, member.Email!, MemberStatus.Deactivated);
        var id = await MemberSeeder.IdOfAsync(app.Services, member.Email!);

        await (await _admin.PostAsync("/api/admin/series", Body(_room, "2026-11-30", Weekly(2, "Monday"), bookerId: id)))
            .ShouldBeProblem(HttpStatusCode.NotFound, "unknown-member");
    }

    [Fact]
    public async Task An_unknown_series_is_unknown_series()
    {
        var unknown = $"/api/admin/series/{Guid.NewGuid()}";

        await (await _admin.GetAsync(unknown)).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-series");
        await (await _admin.PutAsync(unknown, new { scope = "all", title = "X" })).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-series");
        await (await _admin.DeleteAsync(unknown + "?scope=all")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-series");
    }

    [Fact]
    public async Task An_edit_from_a_date_that_is_not_an_occurrence_is_invalid_input_on_fromDate_and_changes_nothing()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(Body(_room, "2026-11-30", Weekly(2, "Monday"))));

        var response = await _admin.PutAsync($"/api/admin/series/{id}", new { scope = "following", fromDate = "2026-12-01", title = "Moved" });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        Assert.True(problem.GetProperty("errors").TryGetProperty("fromDate", out _));
        Assert.All(await StoredOccurrencesAsync(app.Services, id), o => Assert.Equal("Weekly sync", o.Title));
    }

    [Fact]
    public async Task A_cancel_from_a_date_that_is_not_an_occurrence_is_invalid_input_and_cancels_nothing()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(Body(_room, "2026-11-30", Weekly(2, "Monday"))));

        await (await _admin.DeleteAsync($"/api/admin/series/{id}?scope=occurrence&fromDate=2026-12-02")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        Assert.All(await StoredOccurrencesAsync(app.Services, id), o => Assert.Equal("Confirmed", o.State));
    }

    [Fact]
    public async Task An_occurrence_scope_without_a_date_is_invalid_input_on_fromDate()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(Body(_room, "2026-11-30", Weekly(2, "Monday"))));

        var problem = await (await _admin.DeleteAsync($"/api/admin/series/{id}?scope=occurrence")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        Assert.True(problem.GetProperty("errors").TryGetProperty("fromDate", out _));
    }

    [Theory]
    [InlineData("everything")]
    [InlineData("")]
    [InlineData("1")]
    public async Task A_bad_scope_is_invalid_input_on_scope(string scope)
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(Body(_room, "2026-11-30", Weekly(2, "Monday"))));

        var put = await (await _admin.PutAsync($"/api/admin/series/{id}", new { scope, title = "X" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        var delete = await (await _admin.DeleteAsync($"/api/admin/series/{id}?scope={scope}")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        Assert.True(put.GetProperty("errors").TryGetProperty("scope", out _));
        Assert.True(delete.GetProperty("errors").TryGetProperty("scope", out _));
    }

    [Fact]
    public async Task A_from_date_that_is_not_a_date_is_invalid_input()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(Body(_room, "2026-11-30", Weekly(2, "Monday"))));

        await (await _admin.DeleteAsync($"/api/admin/series/{id}?scope=following&fromDate=soon")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_is_invalid_input()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(Body(_room, "2026-11-30", Weekly(2, "Monday"))));

        await (await _admin.PutAsync($"/api/admin/series/{id}", new { scope = "all" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
    }

    [Fact]
    public async Task A_problem_speaks_korean_under_accept_language_ko()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/series")
        {
            Content = System.Net.Http.Json.JsonContent.Create(Body(_room, "2026-11-30", new { frequency = "Daily" })),
        };
        request.Headers.AcceptLanguage.ParseAdd("ko");

        var problem = await (await _admin.Http.SendAsync(request)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Contains("횟수", problem.GetProperty("errors").GetProperty("rule")[0].GetString());
    }
}
