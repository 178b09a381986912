using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Infrastructure.Identity;

/// <summary>
/// Bearer tokens follow the account: an access token whose security stamp is no longer the account's
/// (password changed, account reset, member deactivated) or whose member is no longer active is refused, like
/// Identity refuses such a refresh token and such a cookie.
/// The account's stamp comes from <see cref="SecurityStampCache"/>: no database read on every request (and the reads
/// of accounts missing from it at the same moment are one query, <see cref="SecurityStampLoader"/>); another instance's
/// change is seen within <see cref="SecurityStampCache.Lifetime"/>.
/// A personal API token (<c>Bearer mrt_…</c>, P1) takes the same path: it is looked up by its hash
/// (<see cref="Features.Members.Access.ApiTokenAuthenticator"/>); it never reaches the account endpoints under
/// <c>/api/auth</c> (password, email, two-factor: a leaked token must not take the account over).
/// A valid token is unprotected once: the ticket checked here is the request's result (the framework's handler
/// would otherwise decrypt and deserialize it a second time); a token that does not unprotect, or has expired, is
/// left to the handler, which refuses it as before.
/// </summary>
public static class BearerTokenRevocation
{
    public static void Configure(BearerTokenOptions options) =>
        options.Events = new BearerTokenEvents
        {
            OnMessageReceived = async context =>
            {
                // The token exactly as the handler would read it (it does not trim).
                var header = context.Request.Headers.Authorization.ToString();
                var token = context.Token ?? (header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null);
                if (string.IsNullOrEmpty(token)) return;
                if (token.StartsWith(Features.Members.Access.ApiTokenFormat.Prefix, StringComparison.Ordinal))
                {
                    var principal = context.Request.Path.StartsWithSegments(IdentityApi.Prefix) ? null
                        : await context.HttpContext.RequestServices.GetRequiredService<Features.Members.Access.ApiTokenAuthenticator>()
                            .AuthenticateAsync(context.HttpContext.RequestServices, token, context.HttpContext.RequestAborted);
                    if (principal is null)
                    {
                        context.Fail("Unknown or revoked API token.");
                        return;
                    }
                    context.Principal = principal;
                    context.Properties = new AuthenticationProperties();
                    context.Success();
                    return;
                }
                var ticket = context.Options.BearerTokenProtector.Unprotect(token);
                // Unreadable or expired: the handler refuses it (as it always did).
                if (ticket?.Properties?.ExpiresUtc is not { } expires || (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow() >= expires)
                    return;
                var services = context.HttpContext.RequestServices;
                var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
                var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
                var current = userId is null ? null : await services.GetRequiredService<SecurityStampCache>().GetAsync(userId,
                    () => services.GetRequiredService<SecurityStampLoader>().LoadAsync(userId));
                if (current is null || current != ticket.Principal.FindFirstValue(stampClaim))
                {
                    context.Fail("The token was revoked (the account's security stamp changed).");
                    return;
                }
                context.Principal = ticket.Principal;
                context.Properties = ticket.Properties;
                context.Success();
            },
        };
}
