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
