using System.Data.Common;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingRoom.Web.Infrastructure.Persistence;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "MeetingRoom";
    public const string DefaultSqliteConnection = "Data Source=data/meetingroom.db";

    /// <summary>
    /// Registers <see cref="AppDbContext"/> for the configured provider. A relative SQLite file path is
    /// resolved against <paramref name="contentRoot"/> and its folder is created.
    /// The options are built once (singleton: everything they hold is a singleton), not for every scope that
    /// creates a context: building them was about a tenth of a booking request's server CPU (perf profile).
    /// </summary>
    /// <exception cref="InvalidOperationException">for PostgreSql or SqlServer without a connection string, or an unknown provider.</exception>
    public static IServiceCollection AddMeetingRoomDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connection = config.GetConnectionString(ConnectionStringName);
        SqlCommandCounter.Register(services, config); // Diagnostics:CountSqlCommands (benchmark only; off by default)

        if (options.IsSqlServer)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:MeetingRoom is not set.");
            // No retrying execution strategy (as on PostgreSQL): it refuses the app's own transactions (rows + outbox,
            // the outbox dispatcher's claimed batches). A transient failure is answered 503 + Retry-After instead.
            services.AddDbContext<AppDbContext, SqlServerAppDbContext>((sp, o) =>
                o.UseSqlServer(connection).AddInterceptors(SqlCommandCounter.For(sp)).AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>(), sp.GetRequiredService<HeldSlotsEvictor>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else if (options.IsPostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:MeetingRoom is not set.");
            // No retrying execution strategy: the outbox dispatcher runs its own transactions, which a retrying
            // strategy refuses; a failed dispatch is retried by the dispatcher, a failed request by its caller.
            services.AddDbContext<AppDbContext, PostgreSqlAppDbContext>((sp, o) =>
                o.UseNpgsql(connection).AddInterceptors(SqlCommandCounter.For(sp)).AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>(), sp.GetRequiredService<HeldSlotsEvictor>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else if (string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var sqlite = SqliteConnection(connection ?? DefaultSqliteConnection, contentRoot);
            var pragmas = new SqlitePragmas(options.SqliteSynchronous);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) =>
                o.UseSqlite(sqlite).AddInterceptors(SqlCommandCounter.For(sp)).AddInterceptors(pragmas, sp.GetRequiredService<OutboxSignalInterceptor>(), sp.GetRequiredService<HeldSlotsEvictor>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}': use Sqlite, PostgreSql or SqlServer.");
        }
        return services;
    }

    /// <summary>Resolves a relative SQLite data source against the content root and creates its folder.</summary>
    public static string SqliteConnection(string connection, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
        if (builder.DataSource is not (":memory:" or "") && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Applies migrations (when configured) and switches SQLite to WAL journaling.</summary>
    public static async Task MigrateAsync(AppDbContext db, DatabaseOptions options, CancellationToken ct)
    {
        if (options.MigrateOnStartup) await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}

/// <summary>
/// Sets the SQLite synchronous level once per physical connection (journal_mode=WAL is persistent and
/// set once at start-up). Pooled connections keep their native handle, so a pragma run on it stays in force.
/// </summary>
internal sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    private readonly string _sql = $"PRAGMA synchronous={(synchronous.ToUpperInvariant() is "OFF" or "NORMAL" or "FULL" or "EXTRA" ? synchronous : "NORMAL")};";
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>True the first time this native connection is seen.</summary>
    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _done.TryAdd(handle, this);
}
