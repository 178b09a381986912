namespace MeetingRoom.Web.Infrastructure.Persistence;

/// <summary>Configuration section "Database" (connection string: ConnectionStrings:MeetingRoom).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default, a file under the content root's data/ folder), "PostgreSql" or "SqlServer".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply pending migrations at start-up (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>SQLite only: PRAGMA synchronous for each connection (NORMAL is safe in WAL mode; FULL survives power loss of the last commits).</summary>
    public string SqliteSynchronous { get; set; } = "NORMAL";

    public bool IsSqlServer => string.Equals(Provider, "SqlServer", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for "PostgreSql" (also accepted: "Postgres", "Npgsql"; any case).</summary>
    public bool IsPostgreSql => Provider.ToUpperInvariant() is "POSTGRESQL" or "POSTGRES" or "NPGSQL";
}
