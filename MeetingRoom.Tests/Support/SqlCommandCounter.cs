using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// Counts every SQL command the app's <c>AppDbContext</c>s execute (reader, non-query, scalar), in order, with its
/// text: the measure of issue 21 ("SQL commands per booking", "idle is idle"). Thread-safe.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();
    private int _count;

    /// <summary>Commands executed so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The texts of the commands executed after the first <paramref name="mark"/> ones (in order).</summary>
    public IReadOnlyList<string> Since(int mark) => _commands.Skip(mark).ToList();

    private void Record(DbCommand command)
    {
        _commands.Enqueue(command.CommandText);
        Interlocked.Increment(ref _count);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken ct = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
