using System.Data.Common;
using System.Threading.Channels;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// Calls <see cref="OutboxSignal.Notify"/> once outbox rows are committed: after a save that committed by itself,
/// or after the explicit transaction around it committed (never before: a woken reader would find nothing yet).
/// </summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => NotifyIfWritten(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        NotifyIfWritten(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void NotifyIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) NotifyIfWritten(context);
    }

    private void NotifyIfWritten(DbContext? context)
    {
        if (context is AppDbContext { TakeOutboxWritten: true }) signal.Notify();
    }

    private static void Forget(DbContext? context)
    {
        if (context is AppDbContext db) _ = db.TakeOutboxWritten;
    }
}
