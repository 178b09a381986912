using System.Collections.Concurrent;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// The app with one outbox handler (<typeparamref name="THandler"/>) behind a switch that makes it
/// fail on demand, recording which outbox ids it committed. Retries are quick.
/// </summary>
public abstract class FailingHandlerFactory<THandler> : MeetingRoomFactory where THandler : class, IOutboxHandler
{
    private static readonly Type[] Handlers = [typeof(ScheduleProjection), typeof(NotificationProjection)];

    public FailSwitch Switch { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbox:BackoffMilliseconds", "20");
        builder.UseSetting("Outbox:MaxBackoffMilliseconds", "100");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IOutboxHandler>();
            foreach (var type in Handlers)
                services.AddScoped<IOutboxHandler>(sp => type == typeof(THandler)
                    ? new SwitchedHandler((IOutboxHandler)sp.GetRequiredService(type), Switch)
                    : (IOutboxHandler)sp.GetRequiredService(type));
        });
    }

    public sealed class FailSwitch
    {
        public volatile bool Failing;
        public int Failures;
        /// <summary>Outbox ids whose application was committed (each must appear once).</summary>
        public readonly ConcurrentQueue<long> Committed = new();
    }

    private sealed class SwitchedHandler(IOutboxHandler inner, FailSwitch sw) : IOutboxHandler
    {
        private readonly List<long> _batch = [];
        public string Name => inner.Name;

        public async Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
        {
            if (sw.Failing)
            {
                Interlocked.Increment(ref sw.Failures);
                throw new InvalidOperationException($"{inner.Name} is down (test).");
            }
            await inner.ApplyAsync(db, messageId, domainEvent, ct);
            _batch.Add(messageId);
        }

        public Task AfterCommitAsync(CancellationToken ct)
        {
            foreach (var id in _batch) sw.Committed.Enqueue(id);
            return inner.AfterCommitAsync(ct);
        }
    }
}

public sealed class FailingProjectionFactory : FailingHandlerFactory<ScheduleProjection>;

public sealed class FailingNotificationsFactory : FailingHandlerFactory<NotificationProjection>;

public static class Eventually
{
    /// <summary>Waits (bounded, 15 s) until <paramref name="condition"/> holds; fails the test otherwise.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            try { await Task.Delay(20, cts.Token); }
            catch (OperationCanceledException) { Assert.Fail($"Timed out waiting until {what}."); }
        }
    }
}
