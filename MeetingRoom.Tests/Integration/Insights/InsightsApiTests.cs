using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Integration.Insights.InsightsApp;

namespace MeetingRoom.Tests.Integration.Insights;

/// <summary><c>GET /api/admin/insights</c> and <c>/export</c> (issue 23): admin only, bad input as problems, CSV.</summary>
public sealed class InsightsApiTests(InsightsApp app) : IClassFixture<InsightsApp>
{
    [Fact]
    public async Task Report_json_names_the_figures_and_defaults_to_the_last_30_days()
    {
        var admin = await app.SignInNewAsync(admin: true);
        await app.EnsureSiteAsync();

        var report = await (await admin.GetAsync("/api/admin/insights")).Json();

        foreach (var name in new[] { "utilization", "checkInRate", "noShowRate", "releasedHours", "rebookedHours", "heatmap", "openingDemand", "capacityFit" })
            Assert.True(report.TryGetProperty(name, out _), name);
        Assert.Equal("2026-05-03", report.GetProperty("filter").GetProperty("from").GetString());
        Assert.Equal("2026-06-01", report.GetProperty("filter").GetProperty("to").GetString());
        Assert.Equal("Europe/Berlin", report.GetProperty("timeZone").GetString());
    }

    [Theory]
    [InlineData("from=2026-05-02&to=2026-05-01", "from")]
    [InlineData("from=2024-01-01&to=2026-05-01", "to")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("floor=999", "floor")]
    [InlineData("roomId=abc", "roomId")]
    public async Task Bad_input_is_an_invalid_input_problem_naming_the_field(string query, string field)
    {
        var admin = await app.SignInNewAsync(admin: true);
        await app.EnsureSiteAsync();

        var problem = await (await admin.GetAsync("/api/admin/insights?" + query)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Unknown_room_is_404_and_unknown_table_400_and_members_are_refused()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        await app.EnsureSiteAsync();

        await (await admin.GetAsync("/api/admin/insights?roomId=987654")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-room");
        var problem = await (await admin.GetAsync("/api/admin/insights/export?table=secrets")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        Assert.True(problem.GetProperty("errors").TryGetProperty("table", out _));
        await (await member.GetAsync("/api/admin/insights")).ShouldBe(HttpStatusCode.Forbidden);
        await (await member.GetAsync("/api/admin/insights/export?table=rooms")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Csv_export_has_a_bom_headers_in_the_request_language_and_neutralised_formulas()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var id = await app.RoomAsync("=cmd", floor: 15);
        await app.SaveAsync(PastBooking.Of(Slot(id, "2026-05-04", "09:00")).Held().Build());

        var response = await admin.GetAsync($"/api/admin/insights/export?table=rooms&from=2026-05-04&to=2026-05-04&floor=15");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("insights-rooms-2026-05-04-2026-05-04.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Room ID,Room,Floor,Booked hours,Bookable hours,Utilization", lines[0]);
        Assert.Equal($"{id},\"'=cmd\",15,2,7,0.2857", lines[1]); // quoted, and a quote in front: text, not a formula

        var korean = new HttpRequestMessage(HttpMethod.Get, "/api/admin/insights/export?table=rooms&from=2026-05-04&to=2026-05-04&floor=15");
        korean.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("ko"));
        var ko = await admin.Http.SendAsync(korean);
        await ko.ShouldBe(HttpStatusCode.OK);
        var koText = Encoding.UTF8.GetString((await ko.Content.ReadAsByteArrayAsync())[3..]);
        Assert.StartsWith("회의실 ID,회의실,층,", koText);
    }
}
