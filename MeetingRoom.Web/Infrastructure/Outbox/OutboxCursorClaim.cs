using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// Claims <see cref="OutboxCursor"/> rows for the current transaction, so that several instances on one database
/// apply every message once, in order: the one that claims first applies, the others wait for its commit and then
/// read the cursors it moved. Call inside a transaction (and, on SQLite, holding <see cref="AppDbContext.WriteGate"/>,
/// which makes SQLite's single writer the claim). Every command goes through EF Core's connection.
/// </summary>
public static class OutboxCursorClaim
{
    /// <summary>
    /// Locks and reads the cursor rows of <paramref name="names"/> in ONE statement (PostgreSQL
    /// <c>SELECT … FOR UPDATE</c>, SQL Server <c>WITH (UPDLOCK, ROWLOCK)</c>, both in name order so that two instances
    /// lock in the same order; SQLite a plain read: its one writer is the lock). Rows that do not exist yet are
    /// missing from the answer (untracked).
    /// </summary>
    public static async Task<Dictionary<string, OutboxCursor>> LockAsync(AppDbContext db, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var list = names.ToArray();
        IQueryable<OutboxCursor> query = db switch
        {
            PostgreSqlAppDbContext => db.OutboxCursors.FromSql(
                $"SELECT * FROM \"OutboxCursors\" WHERE \"Handler\" = ANY({list}) ORDER BY \"Handler\" FOR UPDATE"),
            SqlServerAppDbContext => db.OutboxCursors.FromSqlRaw(
                $"SELECT * FROM [OutboxCursors] WITH (UPDLOCK, ROWLOCK) WHERE [Handler] IN ({string.Join(", ", list.Select((_, i) => $"{{{i}}}"))})",
                list.Cast<object>().ToArray()),
            _ => db.OutboxCursors.Where(c => list.Contains(c.Handler)),
        };
        return (await query.AsNoTracking().ToListAsync(ct)).ToDictionary(c => c.Handler);
    }

    /// <summary>
    /// Creates the cursor rows of <paramref name="names"/> that do not exist yet (at 0: a new handler starts at the
    /// first message), outside any transaction; another instance creating the same row at the same time is fine.
    /// </summary>
    public static async Task EnsureAsync(AppDbContext db, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var existing = await db.OutboxCursors.AsNoTracking().Where(c => names.Contains(c.Handler)).Select(c => c.Handler).ToListAsync(ct);
        foreach (var name in names.Except(existing))
        {
            db.OutboxCursors.Add(new OutboxCursor { Handler = name });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { }
            finally { db.ChangeTracker.Clear(); }
        }
    }

    /// <summary>
    /// Locks one row of <c>OutboxCursors</c> used as a mark (e.g. <c>clock:windows</c>), creating it the first time
    /// (a no-op update takes the row's write lock on PostgreSQL and SQL Server). False when creating it collided with
    /// another instance doing the same (try again later).
    /// </summary>
    public static async Task<bool> ClaimOneAsync(AppDbContext db, string name, CancellationToken ct)
    {
        var locked = await db.OutboxCursors.Where(c => c.Handler == name)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts), ct);
        if (locked == 1) return true;
        db.OutboxCursors.Add(new OutboxCursor { Handler = name });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
