using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingRoom.Web.Infrastructure.Persistence;

/// <summary>
/// Diagnostics for the benchmark (issue 21, "SQL commands per booking"): counts the SQL commands this instance runs,
/// three ways, so that they can be compared:
/// <list type="bullet">
/// <item><c>interceptor</c>: every command EF Core executes (a <see cref="DbCommandInterceptor"/>: reader, non-query,
/// scalar; failed ones included, also counted under <c>failed</c>);</item>
/// <item><c>executedLogEvents</c>: EF Core's <c>Microsoft.EntityFrameworkCore.Database.Command</c> log events with
/// <see cref="RelationalEventId.CommandExecuted"/> (a logger provider of its own with its own filter, so the app's log
/// levels, <c>Critical</c> for that category in Production, do not hide them; the console does not show them);</item>
/// <item><c>sqliteStatements</c> (SQLite only): every statement SQLite itself starts on a connection EF Core opened
/// (<c>sqlite3_trace</c>), including what bypasses EF's commands: <c>BEGIN</c>/<c>COMMIT</c>/<c>ROLLBACK</c> of
/// <c>DbTransaction</c>s, commands created directly on EF's connection (e.g. the per-connection <c>PRAGMA</c>), and
/// each statement of a multi-statement command (an EF batch is one command but several statements).</item>
/// </list>
/// Off by default. <c>Diagnostics:CountSqlCommands=true</c> registers it and answers
/// <c>GET /diagnostics/sql-commands</c> (JSON; cumulative counts since start; <c>?texts=true</c> adds counts per
/// command text) to loopback callers only, before the rest of the pipeline (no authentication, rate limit, or SQL).
/// The counts are process-wide (every context, every scope), never reset; a caller takes differences.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    /// <summary>Configuration key that turns counting on (default false).</summary>
    public const string ConfigurationKey = "Diagnostics:CountSqlCommands";

    /// <summary>Path of the loopback-only GET endpoint.</summary>
    public const string Path = "/diagnostics/sql-commands";

    private const string CommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";
    private long _reader, _nonQuery, _scalar, _failed, _executedLogEvents, _sqliteStatements;
    private readonly ConcurrentDictionary<string, long> _texts = new();
    private readonly ConcurrentDictionary<string, long> _sqliteTexts = new();
    private readonly ConditionalWeakTable<object, object> _traced = new();

    /// <summary>Registers the counter, its logger provider and its endpoint when <see cref="ConfigurationKey"/> is true; else nothing.</summary>
    public static void Register(IServiceCollection services, IConfiguration config)
    {
        if (!config.GetValue<bool>(ConfigurationKey)) return;
        var counter = new SqlCommandCounter();
        services.AddSingleton(counter);
        services.AddSingleton<ILoggerProvider>(new LogEventCounter(counter));
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(
            new LoggerFilterRule(typeof(LogEventCounter).FullName, CommandCategory, LogLevel.Information, null)));
        services.AddSingleton<IStartupFilter>(new Endpoint(counter));
    }

    /// <summary>The counter as an interceptor (the first one, so it sees the connection before any other) when registered.</summary>
    public static IInterceptor[] For(IServiceProvider services) =>
        services.GetService<SqlCommandCounter>() is { } counter ? [counter, counter._connections] : [];

    private readonly SqliteTrace _connections;

    private SqlCommandCounter() => _connections = new SqliteTrace(this);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    { Count(ref _reader, command); return result; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    { Count(ref _reader, command); return ValueTask.FromResult(result); }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    { Count(ref _nonQuery, command); return result; }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    { Count(ref _nonQuery, command); return ValueTask.FromResult(result); }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    { Count(ref _scalar, command); return result; }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    { Count(ref _scalar, command); return ValueTask.FromResult(result); }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Interlocked.Increment(ref _failed);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    { Interlocked.Increment(ref _failed); return Task.CompletedTask; }

    private void Count(ref long kind, DbCommand command)
    {
        Interlocked.Increment(ref kind);
        _texts.AddOrUpdate(command.CommandText, 1, (_, n) => n + 1);
    }

    private object Snapshot(bool texts) => new
    {
        interceptor = Interlocked.Read(ref _reader) + Interlocked.Read(ref _nonQuery) + Interlocked.Read(ref _scalar),
        reader = Interlocked.Read(ref _reader),
        nonQuery = Interlocked.Read(ref _nonQuery),
        scalar = Interlocked.Read(ref _scalar),
        failed = Interlocked.Read(ref _failed),
        executedLogEvents = Interlocked.Read(ref _executedLogEvents),
        sqliteStatements = Interlocked.Read(ref _sqliteStatements),
        texts = texts ? _texts.ToDictionary() : null,
        sqliteTexts = texts ? _sqliteTexts.ToDictionary() : null,
    };

    /// <summary>Starts SQLite's statement trace once per native connection handle (pooled handles keep it).</summary>
    private sealed class SqliteTrace(SqlCommandCounter counter) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Trace(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        { Trace(connection); return Task.CompletedTask; }

        private void Trace(DbConnection connection)
        {
            if (connection is not SqliteConnection { Handle: { } handle } || !counter._traced.TryAdd(handle, this)) return;
            SQLitePCL.raw.sqlite3_trace(handle, static (state, statement) =>
            {
                var c = (SqlCommandCounter)state;
                Interlocked.Increment(ref c._sqliteStatements);
                c._sqliteTexts.AddOrUpdate(statement, 1, (_, n) => n + 1);
            }, counter);
        }
    }

    /// <summary>Counts EF Core's <see cref="RelationalEventId.CommandExecuted"/> log events; writes nothing.</summary>
    private sealed class LogEventCounter(SqlCommandCounter counter) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == CommandCategory ? this : NullLogger.Instance;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == RelationalEventId.CommandExecuted.Id) Interlocked.Increment(ref counter._executedLogEvents);
        }
        public void Dispose() { }
    }

    /// <summary>Answers <see cref="Path"/> to loopback callers ahead of the app's pipeline.</summary>
    private sealed class Endpoint(SqlCommandCounter counter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path != Path
                    || context.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip))
                {
                    await nextMiddleware(context);
                    return;
                }
                var texts = string.Equals(context.Request.Query["texts"], "true", StringComparison.OrdinalIgnoreCase);
                await Results.Json(counter.Snapshot(texts)).ExecuteAsync(context);
            });
            next(app);
        };
    }
}
