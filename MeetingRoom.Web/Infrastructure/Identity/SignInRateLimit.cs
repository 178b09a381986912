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
