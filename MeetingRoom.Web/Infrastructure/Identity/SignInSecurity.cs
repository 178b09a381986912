using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Infrastructure.Identity;

/// <summary>
/// Sign-in without account enumeration: an unknown email, a wrong password and a locked account get
/// the same answer (<see cref="SignInResult.Failed"/>) after the same work (one password hash
/// verification), so neither the answer nor its time tells whether an account exists or is locked.
/// A locked account's password is not checked against the real hash (lockout keeps its meaning).
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, DecoyPasswordHash decoy)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
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
        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
        {
            decoy.Verify(UserManager.PasswordHasher, password);
            return SignInResult.Failed;
        }
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        return result.IsLockedOut ? SignInResult.Failed : result; // the attempt that locks it answers like any wrong password
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
/// (password changed, account reset) is refused, like Identity refuses such a refresh token and such a cookie.
/// The account's stamp comes from <see cref="SecurityStampCache"/>: no database read on every request (and the reads
/// of accounts missing from it at the same moment are one query, <see cref="SecurityStampLoader"/>).
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
/// Each account's current security stamp, kept for <see cref="Lifetime"/> so that checking a bearer token
/// (<see cref="BearerTokenRevocation"/>) costs no database read on every request (measured in
/// docs/benchmarks.md). A change of the account made in this process (<see cref="AppUserManager"/>: password
/// change, reset) evicts it at once; another instance notices within <see cref="Lifetime"/>. Singleton.
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

    /// <summary>The account's security stamp, or null when there is no such account.</summary>
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
                    var stamps = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
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
