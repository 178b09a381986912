using System.Security.Claims;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;

namespace MeetingRoom.Web.Features.Members.Access;

public static class ApiTokenEndpoints
{
    /// <summary>
    /// Members, their own tokens only: <c>POST /api/me/api-tokens</c> <c>{"name"}</c> → 201 <c>{"id","name","token","createdAt"}</c>
    /// (the token shown this once), <c>GET /api/me/api-tokens</c> → <c>[{"id","name","createdAt","lastUsedAt"}]</c>,
    /// <c>DELETE /api/me/api-tokens/{id}</c> → 204 (another member's token, or none: 404 unknown-api-token).
    /// </summary>
    public static IEndpointRouteBuilder MapApiTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/me/api-tokens").RequireMember().WithTags("API tokens");
        mine.MapPost("/", async (ApiTokenRequest? body, ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
                (await tokens.CreateAsync(user.ToActor(), body?.Name, ApiTokenAuthenticator.IsApiToken(user), ct))
                    .ToHttp(t => TypedResults.Created($"/api/me/api-tokens/{t.Id}", t)))
            .Produces<ApiTokenCreated>(201).JsonBodyProblems(ProblemCodes.TooManyApiTokens, ProblemCodes.Forbidden, ProblemCodes.Unauthenticated);
        mine.MapGet("/", async (ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
                TypedResults.Ok(await tokens.ListAsync(user.ToActor(), ct)))
            .Produces<IReadOnlyList<ApiTokenDto>>();
        mine.MapDelete("/{id}", async (string id, ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
                (await tokens.RevokeAsync(user.ToActor(), id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .Produces(204).Problems(ProblemCodes.UnknownApiToken);
        return app;
    }
}
