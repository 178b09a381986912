using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Routing.Patterns;

namespace MeetingRoom.Web.Infrastructure.Identity;

/// <summary>
/// The Identity API endpoints (<c>MapIdentityApi</c>, under <c>/api/auth</c>): the problems each can answer
/// with, declared for the OpenAPI document (the framework declares only some of them).
/// </summary>
public static class IdentityApi
{
    public const string Prefix = "/api/auth";

    private static readonly string[] Body = [ProblemCodes.InvalidInput, ProblemCodes.UnsupportedMediaType];

    /// <summary>Route (after <see cref="Prefix"/>) and method → the problem codes it answers with.</summary>
    private static readonly Dictionary<(string Route, string Method), string[]> ProblemsByEndpoint = new()
    {
        [("/register", "POST")] = [.. Body, ProblemCodes.RegistrationClosed, ProblemCodes.TooManyRequests],
        [("/login", "POST")] = [.. Body, ProblemCodes.Unauthenticated, ProblemCodes.TooManyRequests],
        [("/refresh", "POST")] = [.. Body, ProblemCodes.Unauthenticated, ProblemCodes.TooManyRequests],
        [("/confirmEmail", "GET")] = [ProblemCodes.InvalidInput, ProblemCodes.Unauthenticated],
        [("/resendConfirmationEmail", "POST")] = [.. Body],
        [("/forgotPassword", "POST")] = [.. Body],
        [("/resetPassword", "POST")] = [.. Body],
        [("/manage/2fa", "POST")] = [.. Body, ProblemCodes.Unauthenticated, ProblemCodes.NotFound],
        [("/manage/info", "GET")] = [ProblemCodes.Unauthenticated, ProblemCodes.NotFound],
        [("/manage/info", "POST")] = [.. Body, ProblemCodes.Unauthenticated, ProblemCodes.NotFound],
    };

    /// <summary>Declares the problems of each Identity endpoint (see <see cref="ProblemsByEndpoint"/>).</summary>
    public static TBuilder DeclareIdentityProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route || route.RoutePattern.RawText is not { } raw) return;
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
            var relative = raw.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? raw[Prefix.Length..] : raw;
            foreach (var method in methods)
                if (ProblemsByEndpoint.TryGetValue((relative, method), out var codes))
                    ApiConventions.DeclareProblems(endpoint, codes.Select(c => ProblemCodes.Statuses[c]));
        });
        return builder;
    }
}
