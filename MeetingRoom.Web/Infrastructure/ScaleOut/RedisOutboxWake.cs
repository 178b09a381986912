using MeetingRoom.Web.Infrastructure.Outbox;
using StackExchange.Redis;

namespace MeetingRoom.Web.Infrastructure.ScaleOut;

/// <summary>
/// Carries <see cref="OutboxSignal"/> between instances: every commit of outbox rows here is published on the
/// Redis channel <c>MeetingRoom:outbox</c> (fire and forget, a few bytes), and a publication from another instance
/// wakes this instance's <see cref="ChangeFeed"/> at once. So a booking committed on instance A is read by B's change
/// feed within a Redis round trip, not a poll interval. When Redis is unreachable the feed's safety poll
/// (<c>Outbox:PollMilliseconds</c>) still delivers everything, later. Singleton hosted service.
/// </summary>
public sealed class RedisOutboxWake(IConnectionMultiplexer redis, OutboxSignal signal, ILogger<RedisOutboxWake> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal($"{RedisSetup.Prefix}:outbox");
    private readonly RedisValue _me = Guid.NewGuid().ToString("N");

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, from) =>
            {
                if (from != _me) signal.NotifyLocal();
            });
        }
        catch (RedisException e)
        {
            // The multiplexer resubscribes when Redis comes back; until then the poll carries the changes.
            logger.LogWarning(e, "Could not subscribe to the outbox channel yet; changes of other instances arrive by polling until Redis is back.");
        }
        signal.Committed += Publish;
    }

    public Task StopAsync(CancellationToken ct)
    {
        signal.Committed -= Publish;
        return Task.CompletedTask;
    }

    private void Publish()
    {
        try { redis.GetSubscriber().Publish(Channel, _me, CommandFlags.FireAndForget); }
        catch (RedisException e) { logger.LogDebug(e, "Could not publish an outbox wake-up; the others will poll."); }
    }
}
