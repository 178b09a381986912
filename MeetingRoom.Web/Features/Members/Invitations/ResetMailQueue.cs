using System.Text;
using System.Threading.Channels;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Notifications.Email;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// Writes queued reset mails (<see cref="AccountMailRequested"/>) to the outbox in the background, off the request that
/// asked, so the answer to "forgot password" takes the same time whether or not a mail is written. A mail still queued
/// when the process stops is lost (the member asks again). Singleton and hosted service.
/// </summary>
public sealed class ResetMailQueue(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ResetMailQueue> logger) : BackgroundService
{
    private readonly Channel<AccountMailRequested> _queue = Channel.CreateBounded<AccountMailRequested>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(AccountMailRequested mail)
    {
        if (!_queue.Writer.TryWrite(mail)) logger.LogWarning("The password-reset mail queue is full; a reset mail was dropped.");
    }

    /// <summary>Writes every mail queued so far (tests; the background loop does the same continuously).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        while (_queue.Reader.TryRead(out var mail)) await WriteAsync(mail, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
                while (_queue.Reader.TryRead(out var mail))
                    await WriteAsync(mail, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task WriteAsync(AccountMailRequested mail, CancellationToken ct)
    {
        try
        {
            await _retry.ExecuteAsync(async token =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.AddToOutbox(mail);
                await db.SaveChangesAsync(token);
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "A password-reset mail could not be queued; the member can ask again.");
        }
    }

    /// <summary>Three tries in all, 200 ms then 400 ms apart (Polly, on the injected clock); each failure logged.</summary>
    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Linear,
            UseJitter = false,
            Delay = TimeSpan.FromMilliseconds(200),
            OnRetry = args =>
            {
                logger.LogWarning(args.Outcome.Exception, "Queueing a password-reset mail failed (attempt {Attempt}); retrying.", args.AttemptNumber + 1);
                return default;
            },
        })
        .Build();
}
