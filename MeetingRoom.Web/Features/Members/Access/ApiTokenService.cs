using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>
/// A member's personal API tokens (P1): for scripts and calendar tools, also of members who sign in through single
/// sign-on and have no password. The API (<see cref="ApiTokenEndpoints"/>) and the profile's section
/// (<see cref="ApiTokensSection"/>) call it. A member holds at most <see cref="MaxPerMember"/>; the count is decided
/// under a lock of the member's account row (SQLite: the write gate), so a burst of creations cannot pass it, and a
/// member being deactivated at that moment gets none. Scoped.
/// </summary>
public sealed class ApiTokenService(AppDbContext db, TimeProvider clock, SiteRulesProvider rules, ApiTokenAuthenticator authenticator)
{
    public const int MaxPerMember = 20;

    /// <summary>
    /// Creates a token named <paramref name="name"/> (trimmed, 1–100 characters, no control characters) for
    /// <paramref name="me"/>. <paramref name="viaApiToken"/>: the request was authenticated by an API token, which may
    /// not make more (a leaked token must not outlive its revocation). Problems: invalid-input ("name"),
    /// too-many-api-tokens, forbidden (via an API token), unauthenticated (the member is no longer active).
    /// </summary>
    public async Task<AppResult<ApiTokenCreated>> CreateAsync(Actor me, string? name, bool viaApiToken = false, CancellationToken ct = default)
    {
        if (viaApiToken) return new AppProblem(ProblemCodes.Forbidden, 403, ProblemText.Get("Status403"), ProblemText.Get("ApiTokenNotFromApiToken"));
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return AppProblem.Invalid("name", ProblemText.Get("ApiTokenNameRequired"));
        if (TextRules.Problem(trimmed, ApiToken.MaxNameLength) is { } problem) return AppProblem.Invalid("name", ProblemText.Of(problem));

        var now = clock.GetUtcNow();
        var (token, hash) = ApiTokenFormat.Create();
        var row = new ApiToken { Id = Guid.CreateVersion7(now), MemberId = me.Id.Value, Name = trimmed, TokenHash = hash, CreatedAt = now };
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The account row's lock: concurrent creations of one member (and a deactivation) take turns here.
            var active = await db.Users.Where(u => u.Id == me.Id.Value && u.Status == MemberStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), ct);
            if (active == 0)
                return new AppProblem(ProblemCodes.Unauthenticated, 401, ProblemText.Get("TitleUnauthenticated"), ProblemText.Get("AccountNotActive"));
            if (await db.ApiTokens.CountAsync(t => t.MemberId == me.Id.Value, ct) >= MaxPerMember)
                return AppProblem.Conflict(ProblemCodes.TooManyApiTokens, ProblemText.Get("TitleTooManyApiTokens"), ProblemText.Get("TooManyApiTokens", MaxPerMember));
            db.ApiTokens.Add(row);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally { gate?.Release(); }
        var site = await rules.GetAsync(ct);
        return new ApiTokenCreated(row.Id, row.Name, token, site.Local(row.CreatedAt));
    }

    /// <summary><paramref name="me"/>'s tokens, newest first (without the tokens themselves).</summary>
    public async Task<IReadOnlyList<ApiTokenDto>> ListAsync(Actor me, CancellationToken ct = default)
    {
        var site = await rules.GetAsync(ct);
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.MemberId == me.Id.Value).ToListAsync(ct);
        return rows.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenDto(t.Id, t.Name, site.Local(t.CreatedAt), site.Local(t.LastUsedAt))).ToList();
    }

    /// <summary>
    /// Revokes (deletes) one of <paramref name="me"/>'s tokens: it stops working at once on this instance and within
    /// <see cref="ApiTokenAuthenticator.Lifetime"/> on others. Problem: unknown-api-token (no such token of this member,
    /// an admin's included, or not a token id).
    /// </summary>
    public async Task<AppResult<Guid>> RevokeAsync(Actor me, string? id, CancellationToken ct = default)
    {
        if (!Guid.TryParse(id, out var tokenId)) return UnknownApiToken;
        var hash = await db.ApiTokens.Where(t => t.Id == tokenId && t.MemberId == me.Id.Value).Select(t => t.TokenHash).FirstOrDefaultAsync(ct);
        if (hash is null) return UnknownApiToken;
        int deleted;
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            deleted = await db.ApiTokens.Where(t => t.Id == tokenId && t.MemberId == me.Id.Value).ExecuteDeleteAsync(ct);
        }
        finally { gate?.Release(); }
        authenticator.Evict(hash);
        return deleted == 0 ? UnknownApiToken : tokenId;
    }

    public static AppProblem UnknownApiToken => AppProblem.NotFound(ProblemCodes.UnknownApiToken, ProblemText.Get("UnknownApiToken"));
}
