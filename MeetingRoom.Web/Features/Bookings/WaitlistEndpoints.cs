using System.Security.Claims;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Bookings;

public static class WaitlistEndpoints
{
    /// <summary>
    /// <c>POST /api/waitlist</c> → 201 <c>{"id","position"}</c>; <c>DELETE /api/waitlist/{id}</c> → 204;
    /// <c>GET /api/me/waitlist</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapWaitlistEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireMember().WithTags("Waitlist");

        group.MapPost("/waitlist", async (JoinWaitlistRequest request, ClaimsPrincipal user, WaitlistService waitlist, CancellationToken ct) =>
                (await waitlist.JoinAsync(user.ToActor(), user.DisplayName(), request, ct))
                .ToHttp(p => TypedResults.Created($"/api/waitlist/{p.Id}", p)))
            .Produces<WaitlistPlaceDto>(201)
            .JsonBodyProblems(ProblemCodes.UnknownRoom, ProblemCodes.UnknownPeriod, ProblemCodes.SlotFree, ProblemCodes.AlreadyWaiting,
                ProblemCodes.AlreadyYours, ProblemCodes.MemberLimit, ProblemCodes.PeriodOver, ProblemCodes.RoomOutOfService, ProblemCodes.Conflict);

        group.MapDelete("/waitlist/{id:long}", async (long id, ClaimsPrincipal user, WaitlistService waitlist, CancellationToken ct) =>
                (await waitlist.LeaveAsync(user.ToActor(), id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .Produces(204).Problems(ProblemCodes.UnknownWaitlistEntry, ProblemCodes.WrongState);

        group.MapGet("/me/waitlist", async (ClaimsPrincipal user, WaitlistService waitlist, CancellationToken ct) =>
                TypedResults.Ok(await waitlist.MineAsync(user.ToActor(), ct)))
            .Produces<IReadOnlyList<WaitlistEntryDto>>();
        return app;
    }
}
