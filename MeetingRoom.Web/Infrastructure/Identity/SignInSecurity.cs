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
/// Sign-in without account enumeration: an unknown email, a wrong password, a locked account and an account that may
/// not sign in (invited, deactivated: P1) get the same answer (<see cref="SignInResult.Failed"/>) after the same work
/// (one password hash verification), so neither the answer nor its time tells whether an account exists or what
/// state it is in. A locked or non-active account's password is not checked against the real hash.
/// <para>
/// Only <see cref="MemberStatus.Active"/> members sign in, by any method (<see cref="CanSignInAsync"/>: password,
/// external login / single sign-on, two-factor, passkey), and only they keep a session: the cookie's security stamp
/// validation and Identity's <c>/refresh</c> both go through <see cref="ValidateSecurityStampAsync(ClaimsPrincipal)"/>,
/// which refuses a member who is no longer active even if the stamp still matched.
/// </para>
/// <para>
/// Every successful sign-in of any kind records <see cref="AppUser.LastSignInAt"/> (<see cref="SignInWithClaimsAsync"/>,
/// the point password, bearer <c>/api/auth/login</c>, external login and two-factor sign-ins all pass through) with one
/// UPDATE of that column; renewing an existing session (<see cref="RefreshSignInAsync"/>, a token refresh, the cookie's
/// revalidation) is not a sign-in.
/// </para>
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, DecoyPasswordHash decoy, AppDbContext db, TimeProvider clock)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    private bool _refreshing;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            decoy.Verify(UserManager.PasswordHasher, password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        if (user.Status != MemberStatus.Active || (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user)))
        {
            decoy.Verify(UserManager.PasswordHasher, password);
            return SignInResult.Failed;
        }
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        // the attempt that locks it answers like any wrong password; so does any other refusal
        return result.IsLockedOut || result.IsNotAllowed ? SignInResult.Failed : result;
    }

    /// <summary>Only active members sign in (P1): an invited or deactivated member is refused (NotAllowed) by every sign-in method.</summary>
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.Status == MemberStatus.Active && await base.CanSignInAsync(user);

    /// <summary>The account of a principal whose security stamp is still the account's and who is still active; otherwise null.</summary>
    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { Status: MemberStatus.Active } ? user : null;
    }

    /// <summary>
    /// Signs in (cookie or bearer token, by <see cref="SignInManager{TUser}.AuthenticationScheme"/>) and records the
    /// instant in <see cref="AppUser.LastSignInAt"/> first (the bearer handler writes its answer while signing in). A
    /// member who is not active is never signed in, whoever calls (defence in depth behind <see cref="CanSignInAsync"/>).
    /// </summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        if (user.Status != MemberStatus.Active)
        {
            Logger.LogWarning("Refused to sign in account {UserId}: its status is {Status}.", user.Id, user.Status);
            return;
        }
        if (!_refreshing) await RecordSignInAsync(user);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    /// <summary>Re-issues the current cookie (after a profile change): not a sign-in, so <see cref="AppUser.LastSignInAt"/> stays.</summary>
    public override async Task RefreshSignInAsync(AppUser user)
    {
        _refreshing = true;
        try { await base.RefreshSignInAsync(user); }
        finally { _refreshing = false; }
    }

    /// <summary>One UPDATE of the column (no user validation, no new concurrency stamp); the loaded account follows.</summary>
    private async Task RecordSignInAsync(AppUser user)
    {
        var now = clock.GetUtcNow();
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync();
        try
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
        }
        finally { gate?.Release(); }
        var entry = db.Entry(user);
        if (entry.State == EntityState.Detached) user.LastSignInAt = now;
        else entry.Property(u => u.LastSignInAt).CurrentValue = entry.Property(u => u.LastSignInAt).OriginalValue = now;
    }
}

/// <summary>A password hash of no account, verified instead of a real one so failing sign-ins cost the same. Singleton.</summary>
public sealed class DecoyPasswordHash
{
    private readonly Lock _gate = new();
    private string? _hash;

    public void Verify(IPasswordHasher<AppUser> hasher, string? password)
    {
        string hash;
        lock (_gate) hash = _hash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new AppUser(), hash, password ?? "");
    }
}

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

/// <summary>
/// Refresh tokens are single use: each one is recorded (a hash, in Identity's user-token store) when
/// it is redeemed, and a second redemption is refused (401). The record's primary key decides a race.
/// </summary>
public static class RefreshTokens
{
    private const string Provider = "MeetingRoom:redeemed-refresh-token";

    public static EndpointFilterDelegate SingleUse(EndpointFilterDelegate next) => async context =>
    {
        if (context.Arguments.OfType<RefreshRequest>().FirstOrDefault()?.RefreshToken is { Length: > 0 } token)
        {
            var services = context.HttpContext.RequestServices;
            var options = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
            var ticket = options.RefreshTokenProtector.Unprotect(token);
            if (ticket?.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && ticket.Properties.ExpiresUtc is { } expires
                && !await TryRedeemAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), userId, token, expires))
                return new AppProblem(ProblemCodes.Unauthenticated, 401, ProblemText.Get("TitleUnauthenticated"), ProblemText.Get("RefreshTokenUsed")).ToHttp();
        }
        return await next(context);
    };

    private static async Task<bool> TryRedeemAsync(AppDbContext db, TimeProvider clock, string userId, string token, DateTimeOffset expires)
    {
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (await db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name)) return false;
        var now = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        db.UserTokens.RemoveRange(await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && string.Compare(t.Value, now) < 0).ToListAsync());
        db.UserTokens.Add(new IdentityUserToken<string>
        {
            UserId = userId, LoginProvider = Provider, Name = name,
            Value = expires.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>Configuration section "SignInRateLimit": attempts per client (IP address) per window on the anonymous Identity endpoints.</summary>
public sealed class SignInRateLimit
{
    public const string Section = "SignInRateLimit";
    public const string PolicyName = "sign-in";

    /// <summary>Attempts allowed per client per window (0 = no limit).</summary>
    public int PermitLimit { get; set; } = 20;
    public int WindowSeconds { get; set; } = 60;

    /// <summary>
    /// The framework's rate limiter, partitioned by client address (the real one: forwarded headers run
    /// first). A GET (a sign-in page) is not counted. Rejections are 429 too-many-requests with Retry-After.
    /// </summary>
    public static void AddPolicy(RateLimiterOptions o, IConfiguration config)
    {
        var limits = config.GetSection(Section).Get<SignInRateLimit>() ?? new SignInRateLimit();
        o.AddPolicy(PolicyName, http =>
            limits.PermitLimit <= 0 || HttpMethods.IsGet(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("none")
                : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds)),
                    QueueLimit = 0,
                }));
    }
}

/// <summary>
/// Each account's current security stamp (none for an account that is not active), kept for <see cref="Lifetime"/> so
/// that checking a bearer token (<see cref="BearerTokenRevocation"/>) or an open page
/// (<see cref="Features.Members.Access.MemberSessionRevalidation"/>) costs no database read every time (measured in
/// docs/benchmarks.md). A change of the account made in this process (<see cref="AppUserManager"/>: password
/// change, reset, deactivation) evicts it at once; another instance notices within <see cref="Lifetime"/>. Singleton.
/// </summary>
public sealed class SecurityStampCache(Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>The stamp of account <paramref name="userId"/> (null: no such account), loaded by <paramref name="load"/> when not kept.</summary>
    public async Task<string?> GetAsync(string userId, Func<Task<string?>> load) =>
        await Microsoft.Extensions.Caching.Memory.CacheExtensions.GetOrCreateAsync(cache, Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await load();
        });

    public void Evict(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "security-stamp:" + userId;
}

/// <summary>
/// Reads accounts' current security stamps from the database for <see cref="SecurityStampCache"/>, many at once: the
/// stamp of an account that is not active (invited, deactivated: P1) reads as null, like no account, so bearer tokens
/// and open pages of a deactivated member are refused even without a stamp change. The
/// accounts asked for while a read is under way are read together by the next one (one query, not one per account).
/// At a window's opening a thousand members' first requests in ten seconds all miss the cache at the same moment;
/// they then cost a handful of queries instead of a thousand user loads. Singleton.
/// </summary>
public sealed class SecurityStampLoader(IServiceScopeFactory scopes, ILogger<SecurityStampLoader> logger)
{
    /// <summary>Most accounts read by one query.</summary>
    public const int BatchSize = 500;

    private readonly Lock _gate = new();
    private Dictionary<string, TaskCompletionSource<string?>> _pending = new(StringComparer.Ordinal);
    private bool _reading;

    /// <summary>The account's security stamp, or null when there is no such account or it is not active.</summary>
    public Task<string?> LoadAsync(string userId)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(userId, out var waiting))
                _pending[userId] = waiting = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_reading)
            {
                _reading = true;
                _ = Task.Run(ReadAllAsync);
            }
            return waiting.Task;
        }
    }

    private async Task ReadAllAsync()
    {
        while (true)
        {
            Dictionary<string, TaskCompletionSource<string?>> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _reading = false;
                    return;
                }
                batch = _pending;
                _pending = new Dictionary<string, TaskCompletionSource<string?>>(StringComparer.Ordinal);
            }
            foreach (var chunk in batch.Chunk(BatchSize))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    var ids = chunk.Select(p => p.Key).ToList();
                    var stamps = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Status == MemberStatus.Active)
                        .Select(u => new { u.Id, u.SecurityStamp }).ToDictionaryAsync(u => u.Id, u => u.SecurityStamp);
                    foreach (var (id, waiting) in chunk) waiting.TrySetResult(stamps.GetValueOrDefault(id));
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Could not read {Count} security stamp(s).", chunk.Length);
                    foreach (var (_, waiting) in chunk) waiting.TrySetException(e);
                }
            }
        }
    }
}

/// <summary>Identity's user manager, telling <see cref="SecurityStampCache"/> whenever it stores a change of an account.</summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    SecurityStampCache stamps)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        stamps.Evict(user.Id);
        return result;
    }
}
