using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MeetingRoom.Web.Infrastructure.Persistence;

/// <summary>Recognises provider errors the application answers on purpose.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;               // SQLITE_CONSTRAINT
    private const int SqliteConstraintUnique = 2067;       // SQLITE_CONSTRAINT_UNIQUE
    private const int SqliteConstraintPrimaryKey = 1555;   // SQLITE_CONSTRAINT_PRIMARYKEY
    private const int SqlServerUniqueIndex = 2601;         // Cannot insert duplicate key row ... unique index
    private const int SqlServerUniqueConstraint = 2627;    // Violation of UNIQUE KEY / PRIMARY KEY constraint

    /// <summary>True when the save failed because a unique index (e.g. one active booking per slot) rejected a row.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint
                             && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException s => s.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation, // 23505
        _ => false,
    };
}
