using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Members;

/// <summary>
/// Serializes every change that can take an active admin away (deactivating a member, taking the Admin role, a CSV
/// import that demotes): inside the caller's transaction, a no-op update of the Admin role's row takes its write lock
/// on PostgreSQL and SQL Server (SQLite has one writer: hold <see cref="AppDbContext.WriteGate"/> around the
/// transaction), so the count of active admins read next cannot change before the commit. Two admins deactivating
/// each other at once: the second waits, then counts one admin and is refused (MemberRules.LastAdmin).
/// </summary>
public static class AdminSetLock
{
    /// <summary>Takes the lock and returns the number of active admins. Call inside a transaction.</summary>
    /// <exception cref="InvalidOperationException">when no transaction is open.</exception>
    public static async Task<int> AcquireAndCountActiveAdminsAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("AdminSetLock needs an open transaction.");
        await db.Roles.Where(r => r.NormalizedName == Roles.Admin.ToUpperInvariant())
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp), ct);
        return await CountActiveAdminsAsync(db, ct);
    }

    /// <summary>Active members holding the Admin role.</summary>
    public static Task<int> CountActiveAdminsAsync(AppDbContext db, CancellationToken ct) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         join u in db.Users on ur.UserId equals u.Id
         where r.NormalizedName == "ADMIN" && u.Status == Domain.Members.MemberStatus.Active
         select ur.UserId).CountAsync(ct);
}
