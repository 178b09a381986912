using System.Security.Claims;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;

namespace MeetingRoom.Web.Features.Rooms;

public static class RoomEndpoints
{
    /// <summary>
    /// Members: <c>GET /api/rooms</c>, <c>GET /api/rooms/{id}</c>,
    /// <c>GET /api/rooms/available?at=&amp;minCapacity=&amp;equipment=&amp;floor=</c> (free rooms now and next, by fit: <see cref="RoomFinder"/>). Admins: <c>POST /api/rooms</c> → 201,
    /// <c>PUT /api/rooms/{id}</c>, <c>DELETE /api/rooms/{id}</c> → 204,
    /// <c>POST /api/rooms/{id}/out-of-service</c> <c>{"reason"}</c> and <c>POST /api/rooms/{id}/in-service</c> → 200 with the room.
    /// </summary>
    public static IEndpointRouteBuilder MapRoomEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/rooms").RequireMember().WithTags("Rooms");
        read.MapGet("/", async (RoomService rooms, CancellationToken ct) => TypedResults.Ok(await rooms.ListAsync(ct)));
        read.MapGet("/available", async (string? at, string? minCapacity, string[]? equipment, string? floor, RoomFinder finder, CancellationToken ct) =>
                (await finder.FindAsync(at, minCapacity, equipment?.SelectMany(e => e.Split(',')).ToList(), floor, ct)).ToHttp(TypedResults.Ok))
            .Produces<IReadOnlyList<RoomAvailabilityDto>>().Problems(ProblemCodes.InvalidInput);
        read.MapGet("/{id:int}", async (int id, RoomService rooms, CancellationToken ct) =>
                (await rooms.GetAsync(id, ct)).ToHttp(TypedResults.Ok))
            .Produces<RoomDto>().Problems(ProblemCodes.UnknownRoom);

        var write = app.MapGroup("/api/rooms").RequireAdmin().WithTags("Rooms");
        write.MapPost("/", async (RoomRequest request, RoomService rooms, CancellationToken ct) =>
                (await rooms.CreateAsync(request, ct)).ToHttp(r => TypedResults.Created($"/api/rooms/{r.Id}", r)))
            .Produces<RoomDto>(201).JsonBodyProblems(ProblemCodes.RoomNameTaken, ProblemCodes.Conflict);
        write.MapPut("/{id:int}", async (int id, RoomRequest request, RoomService rooms, CancellationToken ct) =>
                (await rooms.UpdateAsync(id, request, ct)).ToHttp(TypedResults.Ok))
            .Produces<RoomDto>().JsonBodyProblems(ProblemCodes.UnknownRoom, ProblemCodes.RoomNameTaken, ProblemCodes.Conflict);
        write.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, RoomService rooms, CancellationToken ct) =>
                (await rooms.DeleteAsync(user.ToActor(), id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .Produces(204).Problems(ProblemCodes.AdminOnly, ProblemCodes.UnknownRoom, ProblemCodes.Conflict);
        write.MapPost("/{id:int}/out-of-service", async (int id, OutOfServiceRequest? body, ClaimsPrincipal user, RoomService rooms, CancellationToken ct) =>
                (await rooms.TakeOutOfServiceAsync(user.ToActor(), id, body?.Reason, ct)).ToHttp(TypedResults.Ok))
            .Produces<RoomDto>().JsonBodyProblems(ProblemCodes.AdminOnly, ProblemCodes.UnknownRoom, ProblemCodes.Conflict);
        write.MapPost("/{id:int}/in-service", async (int id, ClaimsPrincipal user, RoomService rooms, CancellationToken ct) =>
                (await rooms.ReturnToServiceAsync(user.ToActor(), id, ct)).ToHttp(TypedResults.Ok))
            .Produces<RoomDto>().Problems(ProblemCodes.AdminOnly, ProblemCodes.UnknownRoom, ProblemCodes.Conflict);
        return app;
    }
}
