using System.Security.Claims;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>
/// The authentication state of an open page (a Blazor circuit), checked every <c>Auth:RevalidateSeconds</c> (P1): when
/// the member's security stamp changed or the member is no longer active (deactivated), the circuit's user becomes
/// anonymous; the router's <c>AuthorizeRouteView</c> then renders its not-authorized content, which sends the browser
/// to the sign-in page (<c>RedirectToLogin</c>, a full load), and the layout's signed-in parts disappear.
/// <para>
/// The check reads <see cref="SecurityStampCache"/> (kept 10 s, shared with bearer tokens; a stamp of an account that is
/// not active reads as none), and every circuit of an instance checks at the same instants (multiples of the interval
/// on the clock), so their misses are read together by <see cref="SecurityStampLoader"/>: a few queries per interval
/// per instance, whatever the number of open pages. A database error keeps the page (logged as a warning; the next
/// check decides): an outage must not sign everyone out. Scoped (one per circuit).
/// </para>
/// </summary>
public sealed class MemberSessionRevalidation(ILoggerFactory loggers, IOptions<MemberAccessOptions> options, IOptions<IdentityOptions> identity,
    SecurityStampCache stamps, SecurityStampLoader loader, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<MemberSessionRevalidation>();

    /// <summary>Until the next multiple of the interval (never zero, at most the interval).</summary>
    protected override TimeSpan RevalidationInterval
    {
        get
        {
            var every = options.Value.RevalidateInterval.Ticks;
            return TimeSpan.FromTicks(every - clock.GetUtcNow().UtcTicks % every);
        }
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        var user = state.User;
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return false;
        try
        {
            var current = await stamps.GetAsync(id, () => loader.LoadAsync(id));
            return current is not null && current == user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Could not revalidate the session of {UserId}; keeping it until the next check.", id);
            return true;
        }
    }
}
