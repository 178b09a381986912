using MeetingRoom.Web.Features.Members.Administration;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Series;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>
/// Deactivating and reactivating members (P1, issue 20 "deactivation means it"). The admin API and the members page
/// call it. Deactivating, in one transaction: the member's status becomes Deactivated (<see cref="AppUser.DeactivatedAt"/>
/// now) with a new security stamp, their API tokens are deleted, every upcoming booking is closed through
/// <see cref="Booking.CloseForDeactivatedMember"/> (not started: cancelled, cause "member deactivated"; a meeting in
/// progress: ended now) — the outbox then frees and pushes each slot like any cancel (schedule, board, Book page,
/// waitlist hand-over), the series booked for them are cancelled (issue 22) — and their waiting places are removed (<see cref="WaitlistEntry.RemoveForDeactivatedMember"/>).
/// The rules are <see cref="MemberRules"/>, counted under <see cref="AdminSetLock"/> (SQLite: the write gate), so two
/// admins deactivating each other at once leave one admin. From then on every way in is refused: sign-in
/// (<see cref="AppSignInManager"/>), cookies and open pages within <c>Auth:RevalidateSeconds</c>, bearer access and
/// refresh tokens and API tokens at once on this instance and within 10 s on others. Scoped.
/// </summary>
public sealed class MemberDeactivation(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, SecurityStampCache stamps,
    ApiTokenAuthenticator apiTokens, ILogger<MemberDeactivation> logger)
{
    private const int Attempts = 3;

    /// <summary>
    /// Deactivates member <paramref name="memberId"/> on behalf of <paramref name="admin"/>.
    /// Problems: admin-only, unknown-member, cannot-deactivate-self, last-admin, wrong-status (already deactivated),
    /// conflict (the member's bookings kept changing meanwhile: try again).
    /// </summary>
    public async Task<AppResult<DeactivationDone>> DeactivateAsync(Actor admin, string memberId, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (!LooksLikeId(memberId)) return UnknownMember;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await TryDeactivateAsync(admin, memberId, ct);
                if (result is { IsOk: true, Value.Hashes: var hashes })
                {
                    stamps.Evict(memberId); // again after the commit: a read in between may have cached the old stamp
                    foreach (var hash in hashes) apiTokens.Evict(hash);
                }
                return result.Map(r => r.Done);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // A booking or place changed meanwhile (the member checked in, left a line): read everything again.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                logger.LogInformation("Deactivating {MemberId} met concurrent changes {Attempts} times.", memberId, Attempts);
                return AppProblem.Conflict(ProblemCodes.Conflict, ProblemText.Get("TitleConflict"), ProblemText.Get("MemberChangedMeanwhile"));
            }
        }
    }

    /// <summary>
    /// Reactivates a deactivated member (<see cref="MemberRules.CanReactivate"/>): they may sign in again (nothing
    /// cancelled comes back; their old sessions and tokens stay invalid: a new security stamp). Returns the member id.
    /// Problems: admin-only, unknown-member, wrong-status (not deactivated).
    /// </summary>
    public async Task<AppResult<string>> ReactivateAsync(Actor admin, string memberId, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (!LooksLikeId(memberId)) return UnknownMember;
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1) db.ChangeTracker.Clear(); // read it again after a concurrent change
            var user = await users.FindByIdAsync(memberId);
            if (user is null) return UnknownMember;
            if (MemberRules.CanReactivate(user.Status) is { } refusal) return MemberProblems.From(refusal);
            user.Status = MemberStatus.Active;
            user.DeactivatedAt = null;
            var saved = await users.UpdateSecurityStampAsync(user);
            if (saved.Succeeded) return user.Id;
            if (!IsConcurrencyFailure(saved) || attempt >= Attempts) throw Unexpected(saved, memberId);
        }
    }

    private sealed record Deactivated(DeactivationDone Done, IReadOnlyList<string> Hashes);

    private async Task<AppResult<Deactivated>> TryDeactivateAsync(Actor admin, string memberId, CancellationToken ct)
    {
        var gate = db.WriteGate(); // SQLite: one writer for the whole transaction (the admin count cannot change under it)
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var activeAdmins = await AdminSetLock.AcquireAndCountActiveAdminsAsync(db, ct);
            // The member's own row next (same order as a token creation takes it): no API token can be added meanwhile.
            await db.Users.Where(u => u.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), ct);
            var user = await users.FindByIdAsync(memberId);
            if (user is null) return UnknownMember;
            var member = new MemberId(user.Id);
            var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
            if (MemberRules.CanDeactivate(admin.Id, member, user.Status, isAdmin, activeAdmins) is { } refusal)
                return MemberProblems.From(refusal);

            var now = clock.GetUtcNow();
            var bookings = await db.Bookings
                .Where(b => b.BookedBy == member && BookingStates.Active.Contains(b.State) && b.EndsAt > now)
                .ToListAsync(ct);
            var closed = bookings.Count(b => b.CloseForDeactivatedMember(admin, now).IsOk);
            // Their series (issue 22) end with their bookings: a series whose every occurrence was closed holds nothing any more.
            foreach (var series in await db.Series.Where(s => s.BookedBy == member && s.State == SeriesState.Active).ToListAsync(ct))
                series.Cancel(admin, now);
            var places = await db.WaitlistEntries
                .Where(w => w.Member == member && w.State == WaitlistState.Waiting && w.EndsAt > now)
                .ToListAsync(ct);
            var removed = places.Count(w => w.RemoveForDeactivatedMember(admin, now).IsOk);
            var hashes = await db.ApiTokens.Where(t => t.MemberId == user.Id).Select(t => t.TokenHash).ToListAsync(ct);
            await db.ApiTokens.Where(t => t.MemberId == user.Id).ExecuteDeleteAsync(ct);

            user.Status = MemberStatus.Deactivated;
            user.DeactivatedAt = now;
            // Saves the account with a new security stamp, the closed bookings and places, and their outbox rows.
            var saved = await users.UpdateSecurityStampAsync(user);
            if (!saved.Succeeded)
            {
                if (IsConcurrencyFailure(saved)) throw new DbUpdateConcurrencyException("Changed meanwhile.");
                throw Unexpected(saved, memberId);
            }
            await tx.CommitAsync(ct);
            logger.LogInformation("Member {MemberId} deactivated: {Bookings} booking(s) closed, {Places} waitlist place(s) removed, {Tokens} API token(s) deleted.",
                user.Id, closed, removed, hashes.Count);
            return new Deactivated(new DeactivationDone(user.Id, closed, removed), hashes);
        }
        finally { gate?.Release(); }
    }

    /// <summary>Identity's store answers a concurrency failure (a row changed since it was read) with this code.</summary>
    private bool IsConcurrencyFailure(IdentityResult result) =>
        result.Errors.Any(e => e.Code == users.ErrorDescriber.ConcurrencyFailure().Code);

    private static InvalidOperationException Unexpected(IdentityResult result, string memberId) =>
        new($"Could not update member {memberId}: {string.Join(" ", result.Errors.Select(e => e.Description))}");

    /// <summary>An id that can name an account (Identity's key column is 450 characters; PostgreSQL cannot compare NUL).</summary>
    private static bool LooksLikeId(string? id) => !string.IsNullOrEmpty(id) && id.Length <= 450 && !id.Contains('\0');

    private static AppProblem UnknownMember => MemberProblems.UnknownMember();
}
