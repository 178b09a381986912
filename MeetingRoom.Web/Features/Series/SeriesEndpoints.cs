using System.Security.Claims;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// The series API for admins (issue 22): <c>POST /api/admin/series/preview</c> (200), <c>POST /api/admin/series</c> (201 +
/// <c>Location</c>), <c>GET /api/admin/series</c>, <c>GET /api/admin/series/{id}</c>, <c>PUT /api/admin/series/{id}</c>
/// <c>{scope, fromDate, title?, bookerId?}</c>, <c>DELETE /api/admin/series/{id}?scope=&amp;fromDate=</c> (200 with the series as it
/// is then). Thin: bind, call <see cref="SeriesService"/>, map the result; every problem is an RFC 7807 problem with a stable type.
/// </summary>
public static class SeriesEndpoints
{
    public static void MapSeriesEndpoints(this IEndpointRouteBuilder app)
    {
        var series = app.MapGroup("/api/admin/series").RequireAdmin().WithTags("Series");

        series.MapPost("/preview", async (SeriesRequest body, ClaimsPrincipal user, SeriesService service, CancellationToken ct) =>
                (await service.PreviewAsync(user.ToActor(), body, ct)).ToHttp(TypedResults.Ok))
            .Produces<SeriesPreviewDto>()
            .JsonBodyProblems(ProblemCodes.UnknownRoom, ProblemCodes.UnknownPeriod, ProblemCodes.UnknownMember);

        series.MapPost("/", async (SeriesRequest body, ClaimsPrincipal user, SeriesService service, CancellationToken ct) =>
                (await service.CreateAsync(user.ToActor(), body, ct)).ToHttp(s => TypedResults.Created($"/api/admin/series/{s.Id}", s)))
            .Produces<SeriesDto>(201)
            .JsonBodyProblems(ProblemCodes.UnknownRoom, ProblemCodes.UnknownPeriod, ProblemCodes.UnknownMember, ProblemCodes.SeriesConflicts,
                ProblemCodes.Conflict);

        series.MapGet("/", async (ClaimsPrincipal user, SeriesService service, CancellationToken ct) =>
                (await service.ListAsync(user.ToActor(), ct)).ToHttp(TypedResults.Ok))
            .Produces<IReadOnlyList<SeriesSummaryDto>>();

        series.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, SeriesService service, CancellationToken ct) =>
                (await service.GetAsync(user.ToActor(), id, ct)).ToHttp(TypedResults.Ok))
            .Produces<SeriesDto>().Problems(ProblemCodes.UnknownSeries);

        series.MapPut("/{id:guid}", async (Guid id, SeriesEditRequest body, ClaimsPrincipal user, SeriesService service, CancellationToken ct) =>
                (await service.EditAsync(user.ToActor(), id, body, ct)).ToHttp(TypedResults.Ok))
            .Produces<SeriesDto>()
            .JsonBodyProblems(ProblemCodes.UnknownSeries, ProblemCodes.UnknownMember, ProblemCodes.WrongState, ProblemCodes.PeriodOver,
                ProblemCodes.Conflict);

        series.MapDelete("/{id:guid}", async (Guid id, [FromQuery] string? scope, [FromQuery] string? fromDate, ClaimsPrincipal user,
                SeriesService service, CancellationToken ct) =>
            {
                var parsedScope = SeriesProblems.ParseScope(scope);
                if (!parsedScope.IsOk) return parsedScope.Problem!.ToHttp();
                DateOnly? from = null;
                if (!string.IsNullOrWhiteSpace(fromDate))
                {
                    if (!TimeInput.TryParseDate(fromDate, out var day))
                        return AppProblem.Invalid("fromDate", ProblemText.Of(new DomainMessage("DateFormat", "Give the date as YYYY-MM-DD."))).ToHttp();
                    from = day;
                }
                return (await service.CancelAsync(user.ToActor(), id, parsedScope.Value, from, ct)).ToHttp(TypedResults.Ok);
            })
            .Produces<SeriesDto>()
            .Problems(ProblemCodes.InvalidInput, ProblemCodes.UnknownSeries, ProblemCodes.WrongState, ProblemCodes.PeriodOver, ProblemCodes.Conflict);
    }
}
