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
