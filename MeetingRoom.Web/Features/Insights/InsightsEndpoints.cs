using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;

namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// Admin only (issue 23), under <c>/api/admin/insights</c>: <c>GET ?from=&amp;to=&amp;floor=&amp;roomId=</c> → the
/// <see cref="InsightsReport"/> as JSON (dates <c>yyyy-MM-dd</c> site-local, default the last 30 days ending today);
/// <c>GET /export?table=rooms|floors|heatmap|opening-demand|openings|capacity-fit&amp;from=…</c> → <c>text/csv</c>
/// (<see cref="InsightsCsv"/>), named <c>insights-{table}-{from}-{to}.csv</c>. Bad input (not a date or number,
/// from after to, over 2 years, unknown floor, unknown table) is 400 invalid-input, an unknown room 404 unknown-room,
/// with nothing computed.
/// </summary>
public static class InsightsEndpoints
{
    public static IEndpointRouteBuilder MapInsightsEndpoints(this IEndpointRouteBuilder app)
    {
        var insights = app.MapGroup("/api/admin/insights").RequireAdmin().WithTags("Insights");

        insights.MapGet("/", async Task<IResult> ([FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? floor,
                [FromQuery] string? roomId, InsightsQuery query, CancellationToken ct) =>
            {
                var filter = await query.ParseAsync(from, to, floor, roomId, ct);
                if (!filter.IsOk) return filter.Problem!.ToHttp();
                return (await query.GetAsync(filter.Value!, ct)).ToHttp(TypedResults.Ok);
            })
            .Produces<InsightsReport>().Problems(ProblemCodes.InvalidInput, ProblemCodes.UnknownRoom);

        insights.MapGet("/export", async Task<IResult> ([FromQuery] string? table, [FromQuery] string? from, [FromQuery] string? to,
                [FromQuery] string? floor, [FromQuery] string? roomId, InsightsQuery query, CancellationToken ct) =>
            {
                if (table is null || !InsightsCsv.Tables.TryGetValue(table.Trim(), out var which))
                    return AppProblem.Invalid("table", InsightsText.Get("UnknownTable", table ?? "")).ToHttp();
                var filter = await query.ParseAsync(from, to, floor, roomId, ct);
                if (!filter.IsOk) return filter.Problem!.ToHttp();
                var report = await query.GetAsync(filter.Value!, ct);
                if (!report.IsOk) return report.Problem!.ToHttp();
                return TypedResults.File(InsightsCsv.Write(report.Value!, which), "text/csv; charset=utf-8", InsightsCsv.FileName(which, filter.Value!));
            })
            .Produces<string>(200, "text/csv").Problems(ProblemCodes.InvalidInput, ProblemCodes.UnknownRoom);
        return app;
    }
}
