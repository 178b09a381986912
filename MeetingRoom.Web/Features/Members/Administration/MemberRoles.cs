using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>
/// Making a member admin or taking the role away (P1). The site never loses its last active admin
/// (<see cref="MemberRules.CanRemoveAdmin"/>): the change runs in one transaction that holds the admin-set lock
/// (<see cref="AdminSetLock"/>; on SQLite the write gate around it), so two admins demoting each other at the same
/// moment cannot both succeed. A change renews the member's security stamp: their bearer and refresh tokens stop
/// working at once (they sign in again and get the new role), and their cookie sessions are re-issued with the new
/// role at the next security-stamp validation.
/// </summary>
public sealed class MemberRoles(AppDbContext db, UserManager<AppUser> users, MemberDirectory directory, SecurityStampCache stamps)
{
    /// <summary>
    /// Gives the member <paramref name="role"/> ("Member" or "Admin", any case); the same role again changes nothing.
    /// Returns the member as listed. Problems: admin-only, invalid-input (role), unknown-member, last-admin.
    /// </summary>
    public async Task<AppResult<MemberRow>> ChangeAsync(Actor admin, string memberId, string? role, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (string.IsNullOrWhiteSpace(role) || MemberInput.ParseRole(role) is not { } wanted || role.Any(char.IsControl))
            return MemberProblems.Invalid("role", MemberInputError.RoleUnknown);

        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = await users.FindByIdAsync(memberId);
            if (user is null) return MemberProblems.UnknownMember();
            var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
            if (isAdmin == (wanted == MemberRole.Admin))
                return await directory.FindAsync(memberId, ct); // nothing to change (rolled back: nothing was written)

            if (wanted == MemberRole.Member)
            {
                var activeAdmins = await AdminSetLock.AcquireAndCountActiveAdminsAsync(db, ct);
                if (MemberRules.CanRemoveAdmin(user.Status, activeAdmins) is { } refusal) return MemberProblems.From(refusal);
                Check(await users.RemoveFromRoleAsync(user, Roles.Admin));
            }
            else
            {
                Check(await users.AddToRoleAsync(user, Roles.Admin));
            }
            if (!await users.IsInRoleAsync(user, Roles.Member)) Check(await users.AddToRoleAsync(user, Roles.Member));
            Check(await users.UpdateSecurityStampAsync(user)); // tokens carry roles: the old ones stop working
            await tx.CommitAsync(ct);
            stamps.Evict(memberId); // again after the commit: a read in between may have cached the old stamp
        }
        finally
        {
            gate?.Release();
        }
        return await directory.FindAsync(memberId, ct);
    }

    /// <summary>Identity refuses a role change only on a broken store (a concurrency stamp raced): not the admin's mistake.</summary>
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Role change failed: " + string.Join(" ", result.Errors.Select(e => e.Code)));
    }
}
