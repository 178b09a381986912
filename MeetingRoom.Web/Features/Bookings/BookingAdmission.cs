using System.Threading.RateLimiting;
using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// Admission control for booking (N3): at most <see cref="OverloadOptions.BookingConcurrency"/> booking
/// requests run at once, at most <see cref="OverloadOptions.BookingQueue"/> wait (oldest first), and the
/// rest are turned away at once with "too-many-requests, try again in N seconds" instead of slowing
/// everyone down. Built on the framework's <see cref="ConcurrencyLimiter"/>. Singleton. Used by the
/// booking service, so the API (429 + Retry-After) and the pages ("busy — retrying") share it.
/// </summary>
public sealed class BookingAdmission : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly TimeSpan _retryAfter;

    public BookingAdmission(IOptions<OverloadOptions> options)
    {
        var o = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, o.BookingConcurrency),
            QueueLimit = Math.Max(0, o.BookingQueue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _retryAfter = TimeSpan.FromSeconds(Math.Max(1, o.RetryAfterSeconds));
    }

    /// <summary>A lease to dispose when done, or null when the request must be turned away.</summary>
    public async ValueTask<RateLimitLease?> EnterAsync(CancellationToken ct)
    {
        var lease = await _limiter.AcquireAsync(1, ct);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        return null;
    }

    /// <summary>The problem answered when turned away.</summary>
    public AppProblem Busy => new(ProblemCodes.TooManyRequests, 429, ProblemText.Get("TitleBusy"),
        ProblemText.Get("BookingBusy", (int)Math.Ceiling(_retryAfter.TotalSeconds)), RetryAfter: _retryAfter);

    public void Dispose() => _limiter.Dispose();
}
