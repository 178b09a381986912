using System.Text;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// Writes the opening demand counted in memory (<see cref="OpeningDemandRecorder"/>) off the booking path: every
/// <see cref="InsightsOptions.DemandFlushSeconds"/> (by <see cref="TimeProvider"/>) and once more when the app stops, it
/// takes the counts and <b>adds</b> them to table OpeningDemand, one row per slot (Date, RoomId, PeriodStart), with an
/// atomic upsert (<c>INSERT … ON CONFLICT … DO UPDATE SET Attempts = OpeningDemand.Attempts + excluded.Attempts</c> on
/// SQLite and PostgreSQL, <c>MERGE … WITH (HOLDLOCK)</c> on SQL Server), all of a flush in one transaction: several
/// instances add to the same rows safely. A flush that fails gives its counts back to the recorder (tried again at the
/// next flush) and logs a Warning. A batch not yet written when the process crashes is lost (documented on the
/// recorder); bookings never are. Singleton hosted service; <see cref="FlushAsync"/> may also be called directly.
/// </summary>
public sealed class OpeningDemandFlusher(OpeningDemandRecorder recorder, IServiceScopeFactory scopes, IOptions<InsightsOptions> options,
    TimeProvider clock, ILogger<OpeningDemandFlusher> log) : BackgroundService
{
    /// <summary>Slots per statement (5 parameters each: well under every provider's parameter limit).</summary>
    public const int RowsPerStatement = 200;

    private readonly SemaphoreSlim _flushing = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DemandFlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(CancellationToken.None); // a write under way is not cut short by the stop: StopAsync flushes after it
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops the timer, then writes what was counted since the last flush.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the counts recorded so far to table OpeningDemand (one flush at a time: a call waits for one under way, so
    /// once it returns everything recorded before the call is written or given back). Never throws for a database
    /// failure: the counts are given back and a Warning is logged.
    /// </summary>
    /// <returns>The number of slots written (0 when there was nothing to write or the write failed).</returns>
    /// <exception cref="OperationCanceledException">when <paramref name="ct"/> is cancelled (the counts are given back).</exception>
    public async Task<int> FlushAsync(CancellationToken ct = default)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            var rows = recorder.TakeAll();
            if (rows.Count == 0) return 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await AddAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), rows, ct);
                return rows.Count;
            }
            catch (Exception e)
            {
                recorder.Restore(rows);
                if (e is OperationCanceledException && ct.IsCancellationRequested) throw;
                log.LogWarning(e, "Could not write the opening demand of {Slots} slot(s); kept in memory for the next flush", rows.Count);
                return 0;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Adds <paramref name="rows"/> to table OpeningDemand in one transaction (atomic upserts, in key order).</summary>
    public static async Task AddAsync(AppDbContext db, IReadOnlyList<OpeningDemandRow> rows, CancellationToken ct)
    {
        var ordered = rows.OrderBy(r => r.Date).ThenBy(r => r.RoomId).ThenBy(r => r.PeriodStart).ToList(); // one lock order for every instance
        var sqlServer = db.Database.IsSqlServer();
        var gate = db.WriteGate(); // SQLite: one writer of this process at a time
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var chunk in ordered.Chunk(RowsPerStatement))
            {
                var values = new object[chunk.Length * 5];
                for (var i = 0; i < chunk.Length; i++)
                {
                    values[i * 5] = chunk[i].Date;
                    values[i * 5 + 1] = chunk[i].RoomId;
                    values[i * 5 + 2] = chunk[i].PeriodStart;
                    values[i * 5 + 3] = chunk[i].Attempts;
                    values[i * 5 + 4] = chunk[i].Refused;
                }
                await db.Database.ExecuteSqlRawAsync(sqlServer ? MergeSql(chunk.Length) : UpsertSql(chunk.Length), values, ct);
            }
            await transaction.CommitAsync(ct);
        }
        finally
        {
            gate?.Release();
        }
    }

    private static string Values(int rows)
    {
        var sql = new StringBuilder();
        for (var i = 0; i < rows; i++)
            sql.Append(i == 0 ? "" : ", ").Append($"({{{i * 5}}}, {{{i * 5 + 1}}}, {{{i * 5 + 2}}}, {{{i * 5 + 3}}}, {{{i * 5 + 4}}})");
        return sql.ToString();
    }

    /// <summary>SQLite (3.24+) and PostgreSQL.</summary>
    private static string UpsertSql(int rows) =>
        $"""
        INSERT INTO "OpeningDemand" ("Date", "RoomId", "PeriodStart", "Attempts", "Refused") VALUES {Values(rows)}
        ON CONFLICT ("Date", "RoomId", "PeriodStart") DO UPDATE SET
            "Attempts" = "OpeningDemand"."Attempts" + excluded."Attempts",
            "Refused" = "OpeningDemand"."Refused" + excluded."Refused"
        """;

    /// <summary>SQL Server: HOLDLOCK makes the match and the insert one atomic step against other instances.</summary>
    private static string MergeSql(int rows) =>
        $"""
        MERGE INTO [OpeningDemand] WITH (HOLDLOCK) AS t
        USING (VALUES {Values(rows)}) AS s ([Date], [RoomId], [PeriodStart], [Attempts], [Refused])
        ON t.[Date] = s.[Date] AND t.[RoomId] = s.[RoomId] AND t.[PeriodStart] = s.[PeriodStart]
        WHEN MATCHED THEN UPDATE SET t.[Attempts] = t.[Attempts] + s.[Attempts], t.[Refused] = t.[Refused] + s.[Refused]
        WHEN NOT MATCHED THEN INSERT ([Date], [RoomId], [PeriodStart], [Attempts], [Refused])
            VALUES (s.[Date], s.[RoomId], s.[PeriodStart], s.[Attempts], s.[Refused]);
        """;
}
