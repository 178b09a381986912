using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MeetingRoom.Web.Infrastructure.Http;

/// <summary>
/// Declares, in one place, who may call an endpoint and the problems it can answer with, so the
/// OpenAPI document lists every response an endpoint gives (checked by OpenApiResponsesTests).
/// </summary>
public static class ApiConventions
{
    /// <summary>Members (and admins) only: declares 401 (not signed in) and 403 (signed in without the role).</summary>
    public static TBuilder RequireMember<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Roles.MemberPolicy).ProblemStatuses(401, 403);

    /// <summary>Admins only: declares 401 and 403.</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Roles.AdminPolicy).ProblemStatuses(401, 403);

    /// <summary>
    /// Declares the problems (by <see cref="ProblemCodes"/> code) an endpoint answers with, as
    /// <c>application/problem+json</c> responses of their statuses.
    /// </summary>
    public static TBuilder Problems<TBuilder>(this TBuilder builder, params string[] codes) where TBuilder : IEndpointConventionBuilder =>
        builder.ProblemStatuses(codes.Select(c => ProblemCodes.Statuses.TryGetValue(c, out var status)
            ? status
            : throw new ArgumentException($"'{c}' is not a known problem code.", nameof(codes))).ToArray());

    /// <summary>
    /// An endpoint that reads a JSON body: declares 400 (unreadable body, invalid input) and 415
    /// (not JSON) besides <paramref name="codes"/>.
    /// </summary>
    public static TBuilder JsonBodyProblems<TBuilder>(this TBuilder builder, params string[] codes) where TBuilder : IEndpointConventionBuilder =>
        builder.Problems([ProblemCodes.InvalidInput, ProblemCodes.UnsupportedMediaType, .. codes]);

    private static TBuilder ProblemStatuses<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => DeclareProblems(endpoint, statuses));
        return builder;
    }

    /// <summary>Adds a problem response of each status the endpoint does not declare yet.</summary>
    public static void DeclareProblems(EndpointBuilder endpoint, IEnumerable<int> statuses)
    {
        var declared = endpoint.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>()
            .Select(m => m.StatusCode).ToHashSet();
        foreach (var status in statuses.Distinct().Where(s => !declared.Contains(s)))
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
    }
}
