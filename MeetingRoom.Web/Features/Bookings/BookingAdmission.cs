using System.Threading.RateLimiting;
using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>Configuration section "Overload" (requirement N3).</summary>
public sealed class OverloadOptions
{
    public const string Section = "Overload";
    /// <summary>Booking requests worked on at once (SQLite has one writer; more only adds contention).</summary>
    public int BookingConcurrency { get; set; } = 8;
    /// <summary>Booking requests allowed to wait for a slot; beyond this they are turned away at once.</summary>
    public int BookingQueue { get; set; } = 256;
    /// <summary>
    /// <c>POST /api/bookings</c> requests in flight in this process before more are turned away at the
    /// edge, before authentication, so shedding costs almost nothing (0 = no edge limit). High enough that an
    /// opening burst is answered (slot-taken / yours), not shed: most of it never reaches the write path (F2).
    /// </summary>
    public int EdgeBookingRequests { get; set; } = 2048;
    /// <summary>The "try again in N seconds" answered when turned away (HTTP Retry-After).</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}

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

/// <summary>
/// The edge part of overload protection: the framework's rate-limiting middleware, placed before
/// authentication, caps booking API requests in flight (<see cref="OverloadOptions.EdgeBookingRequests"/>)
/// and answers the excess with the same 429 problem and Retry-After as <see cref="BookingAdmission"/>.
/// </summary>
public static class BookingEdgeLimit
{
    public static IServiceCollection AddBookingEdgeLimit(this IServiceCollection services, IConfiguration config)
    {
        var limit = config.GetSection(OverloadOptions.Section).Get<OverloadOptions>()?.EdgeBookingRequests ?? new OverloadOptions().EdgeBookingRequests;
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                limit > 0 && HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals("/api/bookings", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetConcurrencyLimiter("booking", _ => new ConcurrencyLimiterOptions { PermitLimit = limit, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("other"));
            MeetingRoom.Web.Infrastructure.Identity.SignInRateLimit.AddPolicy(o, config);
            // Booking overload: the admission's "busy" problem; a rate limit with a window (sign-in): its own Retry-After.
            o.OnRejected = (context, _) =>
                new ValueTask((context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                    ? new AppProblem(ProblemCodes.TooManyRequests, 429, ProblemText.Get("TitleTooManyRequests"),
                        ProblemText.Get("TooManyAttempts", (int)Math.Ceiling(retry.TotalSeconds)), RetryAfter: retry)
                    : context.HttpContext.RequestServices.GetRequiredService<BookingAdmission>().Busy).ToHttp().ExecuteAsync(context.HttpContext));
        });
        return services;
    }
}
