using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule;

public static class ScheduleEndpoints
{
    public static IEndpointRouteBuilder MapScheduleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/schedule", async (string? date, ScheduleQuery query, CancellationToken ct) =>
            {
                if (date is null) return Results.Ok(await query.GetAsync(null, ct));
                return TimeInput.TryParseDate(date, out var day)
                    ? Results.Ok(await query.GetAsync(day, ct))
                    : AppProblem.Invalid("date", ProblemText.Get("DateFormat")).ToHttp();
            })
            .RequireMember()
            .WithTags("Schedule")
            .Produces<ScheduleDto>().Problems(ProblemCodes.InvalidInput);
        return app;
    }
}
