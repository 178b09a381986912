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
