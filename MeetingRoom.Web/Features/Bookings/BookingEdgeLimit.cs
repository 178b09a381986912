using System.Threading.RateLimiting;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Observability;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Bookings;

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
            // A booking request shed here is counted like the admission's "busy" answers (result too-many-requests).
            o.OnRejected = (context, _) =>
            {
                var services = context.HttpContext.RequestServices;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    return new ValueTask(new AppProblem(ProblemCodes.TooManyRequests, 429, ProblemText.Get("TitleTooManyRequests"),
                        ProblemText.Get("TooManyAttempts", (int)Math.Ceiling(retry.TotalSeconds)), RetryAfter: retry).ToHttp().ExecuteAsync(context.HttpContext));
                var busy = services.GetRequiredService<BookingAdmission>().Busy;
                services.GetRequiredService<MeetingRoomMetrics>().BookingAnswered(busy.Code);
                return new ValueTask(busy.ToHttp().ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }
}
