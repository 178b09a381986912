using MailKit.Net.Smtp;
using MailKit.Security;
using MeetingRoom.Web.Infrastructure.Observability;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;

namespace MeetingRoom.Web.Features.Notifications.Email;

/// <summary>
/// Sends the pending <see cref="EmailMessage"/>s over SMTP (MailKit), outside any database transaction: woken when the
/// "email" handler committed new ones, and polling for those written on other instances. A failing server is retried
/// with the outbox's backoff (<c>Outbox:BackoffMilliseconds</c> doubling up to <c>MaxBackoffMilliseconds</c>, no jitter,
/// without end; a Polly retry pipeline from Microsoft.Extensions.Resilience, its delays on the injected
/// <see cref="TimeProvider"/>); nothing else waits for it.
/// <para>
/// Each message is first <em>claimed</em> (a conditional update: one instance wins, for <see cref="SmtpOptions.ClaimSeconds"/>),
/// then sent, then marked sent. A crash between the server's acceptance and the mark sends it once more after the
/// claim expires — with the same Message-Id, so the duplicate is recognisable (at-least-once; the window is one SMTP
/// round trip). A message that cannot be marked is never retried before its claim expires.
/// </para>
/// <para>
/// Metrics (<see cref="MeetingRoomMetrics"/>): the queue length as each poll sees it (the batch's size; counted only
/// when the batch is full and something reads the gauge), less what it sent; and every failed send.
/// </para>
/// </summary>
public sealed class EmailDelivery(IServiceScopeFactory scopes, IOptions<SmtpOptions> smtp, IOptions<OutboxOptions> outbox,
    TimeProvider clock, ILogger<EmailDelivery> logger, MeetingRoomMetrics metrics) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>
    /// The slowest this loop polls when idle (milliseconds): mail written on this instance wakes it at once, so the poll
    /// only finds mail whose claim expired (a crash mid-send) or that another instance left; one query per poll
    /// (issue 21: an idle instance runs at most 1 SQL command per second in total).
    /// </summary>
    public const int MinPollMilliseconds = 5_000;

    /// <summary>The most messages one poll claims and sends.</summary>
    public const int Batch = 50;

    /// <summary>New messages were committed: send now.</summary>
    public void Wake()
    {
        try { if (_wake.CurrentCount == 0) _wake.Release(); }
        catch (SemaphoreFullException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Value.Enabled) return;
        var retry = Retry(outbox.Value);
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await retry.ExecuteAsync(async ct => await SendPendingAsync(ct), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            try { await _wake.WaitAsync(TimeSpan.FromMilliseconds(Math.Max(outbox.Value.PollMilliseconds, MinPollMilliseconds)), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// Sending again after a failure, until it succeeds or the service stops: <see cref="OutboxOptions.BackoffMilliseconds"/>
    /// first, doubling up to <see cref="OutboxOptions.MaxBackoffMilliseconds"/>; each failure logged as a warning.
    /// </summary>
    private ResiliencePipeline Retry(OutboxOptions o) =>
        new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e // not a stop
                    && !(e is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = TimeSpan.FromMilliseconds(o.BackoffMilliseconds),
                MaxDelay = TimeSpan.FromMilliseconds(o.MaxBackoffMilliseconds),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Sending email failed; retrying in {Backoff}.", args.RetryDelay);
                    return default;
                },
            })
            .Build();

    /// <summary>Sends every pending message this instance can claim. Throws when the SMTP server fails (the claim is given back).</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        var o = smtp.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var pending = await db.EmailMessages.AsNoTracking()
            .Where(m => m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Take(Batch).ToListAsync(ct);
        long queued = pending.Count;
        if (queued == Batch && metrics.EmailQueueWatched) // more may wait beyond the batch: count them (only then)
            queued = await db.EmailMessages.LongCountAsync(m => m.SentAt == null, ct);
        metrics.EmailQueueLength(queued);
        if (pending.Count == 0) return 0;

        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        var sent = 0;
        foreach (var message in pending)
        {
            var until = clock.GetUtcNow().AddSeconds(o.ClaimSeconds);
            if (await WriteAsync(db, ct, q => q.Where(m => m.Id == message.Id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct)) == 0)
                continue; // another instance has it
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(o.Host, o.Port,
                        o.UseTls ? (o.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls) : SecureSocketOptions.None, ct);
                    if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
                }
                await client.SendAsync(ToMime(message, o), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                metrics.EmailFailed();
                metrics.EmailQueueLength(Math.Max(0, queued - sent));
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await WriteAsync(db, CancellationToken.None, q => q.Where(m => m.Id == message.Id && m.SentAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, error), CancellationToken.None));
                throw;
            }
            var at = clock.GetUtcNow();
            await WriteAsync(db, CancellationToken.None, q => q.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, at).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LastError, (string?)null), CancellationToken.None));
            sent++;
        }
        if (client.IsConnected) await client.DisconnectAsync(true, ct);
        metrics.EmailQueueLength(Math.Max(0, queued - sent));
        return sent;
    }

    /// <summary>A short write (one statement) under the SQLite write gate.</summary>
    private static async Task<int> WriteAsync(AppDbContext db, CancellationToken ct, Func<IQueryable<EmailMessage>, Task<int>> write)
    {
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync(ct);
        try { return await write(db.EmailMessages); }
        finally { gate?.Release(); }
    }

    public static MimeMessage ToMime(EmailMessage message, SmtpOptions o)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = message.MessageId };
        mime.From.Add(MailboxAddress.Parse(o.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        var body = new BodyBuilder { TextBody = message.Body };
        if (message.Calendar is { } ics)
        {
            var attachment = body.Attachments.Add("booking.ics", System.Text.Encoding.UTF8.GetBytes(ics),
                new ContentType("text", "calendar") { Charset = "utf-8" });
            attachment.ContentType.Parameters.Add("method", "PUBLISH");
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
