using System.Security.Claims;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;

namespace MeetingRoom.Web.Features.Schedule.Door;

public static class DoorEndpoints
{
    /// <summary>
    /// Admins: <c>POST /api/rooms/{id}/door-displays</c> → 201 <c>{"id","url"}</c>, <c>GET /api/rooms/{id}/door-displays</c>
    /// (active ones), <c>DELETE /api/door-displays/{id}</c> → 204.
    /// </summary>
    public static IEndpointRouteBuilder MapDoorEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api").RequireAdmin().WithTags("Door displays");
        admin.MapPost("/rooms/{id:int}/door-displays", async (int id, ClaimsPrincipal user, DoorDisplayService doors, CancellationToken ct) =>
                (await doors.CreateAsync(user.ToActor(), id, ct)).ToHttp(d => TypedResults.Created($"/api/door-displays/{d.Id}", d)))
            .Produces<DoorDisplayCreated>(201).Problems(ProblemCodes.AdminOnly, ProblemCodes.UnknownRoom);
        admin.MapGet("/rooms/{id:int}/door-displays", async (int id, DoorDisplayService doors, CancellationToken ct) =>
                (await doors.ListAsync(id, ct)).ToHttp(TypedResults.Ok))
            .Produces<IReadOnlyList<DoorDisplayDto>>().Problems(ProblemCodes.UnknownRoom);
        admin.MapDelete("/door-displays/{id:int}", async (int id, ClaimsPrincipal user, DoorDisplayService doors, CancellationToken ct) =>
                (await doors.RevokeAsync(user.ToActor(), id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .Produces(204).Problems(ProblemCodes.AdminOnly, ProblemCodes.UnknownDoorDisplay);
        return app;
    }
}
