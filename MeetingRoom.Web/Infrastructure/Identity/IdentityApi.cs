using System.Reflection;
using System.Text.Json;
using MeetingRoom.Web.Features.Members;
using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

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
        [("/register", "POST")] = [.. Body, ProblemCodes.RegistrationClosed, ProblemCodes.LocalAccountsOff, ProblemCodes.TooManyRequests],
        [("/login", "POST")] = [.. Body, ProblemCodes.Unauthenticated, ProblemCodes.LocalAccountsOff, ProblemCodes.TooManyRequests],
        [("/refresh", "POST")] = [.. Body, ProblemCodes.Unauthenticated, ProblemCodes.TooManyRequests],
        [("/confirmEmail", "GET")] = [ProblemCodes.InvalidInput, ProblemCodes.Unauthenticated],
        [("/resendConfirmationEmail", "POST")] = [.. Body, ProblemCodes.TooManyRequests],
        [("/forgotPassword", "POST")] = [.. Body, ProblemCodes.LocalAccountsOff, ProblemCodes.TooManyRequests],
        [("/resetPassword", "POST")] = [.. Body, ProblemCodes.LocalAccountsOff, ProblemCodes.TooManyRequests],
        [("/manage/2fa", "POST")] = [.. Body, ProblemCodes.Unauthenticated, ProblemCodes.NotFound],
        [("/manage/info", "GET")] = [ProblemCodes.Unauthenticated, ProblemCodes.NotFound],
        [("/manage/info", "POST")] = [.. Body, ProblemCodes.Unauthenticated, ProblemCodes.NotFound],
    };

    /// <summary>The anonymous endpoints that take credentials or send mail: limited per client (<see cref="SignInRateLimit"/>).</summary>
    private static readonly HashSet<string> RateLimited =
        ["/register", "/login", "/refresh", "/confirmEmail", "/resendConfirmationEmail", "/forgotPassword", "/resetPassword"];

    /// <summary>The endpoints of email + password accounts: refused with 403 local-accounts-off while <c>Auth:LocalAccounts</c> is false.</summary>
    private static readonly HashSet<string> LocalAccountsOnly = ["/register", "/login", "/forgotPassword", "/resetPassword"];

    /// <summary>
    /// <c>/api/auth/*</c>: Identity's endpoints, with required fields and length limits checked
    /// (<see cref="RequiredFieldsFilter"/>), the per-client sign-in rate limit, refresh tokens used once
    /// (<see cref="RefreshTokens"/>), and <c>/register</c> answering 403 registration-closed unless
    /// <c>Auth:AllowSelfRegistration</c>. The register rule is attached to the register endpoint itself,
    /// so every spelling of its path that routing matches (trailing slash, dot segments, case) is refused.
    /// While <c>Auth:LocalAccounts</c> is false (the company requires single sign-on), <c>/login</c>,
    /// <c>/register</c>, <c>/forgotPassword</c> and <c>/resetPassword</c> answer 403 local-accounts-off the same way.
    /// </summary>
    public static IEndpointConventionBuilder MapMeetingRoomIdentityApi(this WebApplication app)
    {
        var allowRegistration = app.Configuration.GetValue<bool>("Auth:AllowSelfRegistration");
        var localAccounts = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.LocalAccounts;
        var group = app.MapGroup(Prefix).WithTags("Auth");
        group.AddEndpointFilter<RequiredFieldsFilter>();
        var builder = group.MapIdentityApi<AppUser>();
        builder.Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route || route.RoutePattern.RawText is not { } raw) return;
            var relative = raw.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? raw[Prefix.Length..] : raw;
            if (RateLimited.Contains(relative)) endpoint.Metadata.Add(new EnableRateLimitingAttribute(SignInRateLimit.PolicyName));
            if (relative == "/refresh") endpoint.FilterFactories.Add((_, next) => RefreshTokens.SingleUse(next));
            if (relative == "/register" && !allowRegistration)
                endpoint.FilterFactories.Add((_, _) => _ => ValueTask.FromResult<object?>(
                    new AppProblem(ProblemCodes.RegistrationClosed, 403, ProblemText.Get("TitleRegistrationClosed"), ProblemText.Get("RegistrationClosed")).ToHttp()));
            else if (LocalAccountsOnly.Contains(relative) && !localAccounts)
                endpoint.FilterFactories.Add((_, _) => _ => ValueTask.FromResult<object?>(
                    new AppProblem(ProblemCodes.LocalAccountsOff, 403, ProblemText.Get("TitleLocalAccountsOff"), ProblemText.Get("LocalAccountsOff")).ToHttp()));
        });
        return builder.DeclareIdentityProblems();
    }

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
