using System.Security.Claims;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>
/// Authenticates a request carrying a personal API token (<c>Authorization: Bearer mrt_…</c>, P1), for the bearer
/// path (<see cref="BearerTokenRevocation"/>): the token is looked up by its hash, its member must be
/// <see cref="MemberStatus.Active"/>, and the principal is built by the app's <see cref="IUserClaimsPrincipalFactory{TUser}"/>
/// (roles, display name, as for any sign-in), with a <see cref="TokenIdClaim"/>. The answer (also "no such token") is
/// kept <see cref="Lifetime"/> per token, so a busy script costs one lookup per 10 s; a revocation or deactivation in
/// this process evicts it at once (<see cref="Evict"/>), another instance stops accepting the token within
/// <see cref="Lifetime"/>. <see cref="ApiToken.LastUsedAt"/> is written at most once per <see cref="LastUsedResolution"/>
/// (one conditional UPDATE; with several instances the condition keeps it to one write). Singleton.
/// </summary>
public sealed class ApiTokenAuthenticator(IMemoryCache cache, TimeProvider clock, ILogger<ApiTokenAuthenticator> logger)
{
    /// <summary>Claim (the token's id) on a principal authenticated by an API token.</summary>
    public const string TokenIdClaim = "meetingroom:api_token";
    public static readonly TimeSpan Lifetime = SecurityStampCache.Lifetime;
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Whether <paramref name="user"/> was authenticated by an API token (not a sign-in).</summary>
    public static bool IsApiToken(ClaimsPrincipal user) => user.HasClaim(c => c.Type == TokenIdClaim);

    private sealed class Entry(Guid id, ClaimsPrincipal principal, DateTimeOffset? lastUsed)
    {
        private long _lastUsedTicks = lastUsed?.UtcTicks ?? 0;
        public Guid Id { get; } = id;
        public ClaimsPrincipal Principal { get; } = principal;

        /// <summary>True for the one caller who should record a use at <paramref name="now"/> (none within the resolution).</summary>
        public bool ClaimUse(DateTimeOffset now)
        {
            var last = Interlocked.Read(ref _lastUsedTicks);
            return now.UtcTicks - last >= LastUsedResolution.Ticks && Interlocked.CompareExchange(ref _lastUsedTicks, now.UtcTicks, last) == last;
        }
    }

    /// <summary>
    /// The principal of <paramref name="token"/>'s member, or null (not a token, unknown, revoked, member not active).
    /// <paramref name="services"/> are the request's (its database context).
    /// </summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(IServiceProvider services, string token, CancellationToken ct)
    {
        if (!ApiTokenFormat.LooksLikeToken(token)) return null;
        var hash = ApiTokenFormat.HashOf(token);
        var entry = await cache.GetOrCreateAsync(Key(hash), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = Lifetime;
            return await LoadAsync(services, hash, ct);
        });
        if (entry is null) return null;
        var now = clock.GetUtcNow();
        if (entry.ClaimUse(now)) await RecordUseAsync(services, entry.Id, now, ct);
        return entry.Principal.Clone();
    }

    /// <summary>Forgets what is kept about the token of <paramref name="hash"/> (revoked, or its member deactivated).</summary>
    public void Evict(string hash) => cache.Remove(Key(hash));

    private static string Key(string hash) => "api-token:" + hash;

    private static async Task<Entry?> LoadAsync(IServiceProvider services, string hash, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var found = await (from t in db.ApiTokens.AsNoTracking()
                           join u in db.Users.AsNoTracking() on t.MemberId equals u.Id
                           where t.TokenHash == hash && u.Status == MemberStatus.Active
                           select new { t.Id, t.LastUsedAt, User = u }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(found.User);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(TokenIdClaim, found.Id.ToString()));
        return new Entry(found.Id, principal, found.LastUsedAt);
    }

    private async Task RecordUseAsync(IServiceProvider services, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var since = now - LastUsedResolution;
        var gate = db.WriteGate();
        try
        {
            if (gate is not null) await gate.WaitAsync(ct);
            try
            {
                await db.ApiTokens.Where(t => t.Id == id && (t.LastUsedAt == null || t.LastUsedAt <= since))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
            }
            finally { gate?.Release(); }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The request itself does not depend on it: the next use records it.
            logger.LogWarning(e, "Could not record the use of API token {TokenId}.", id);
        }
    }
}
