using System.Security.Claims;
using System.Text;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;

namespace MeetingRoom.Web.Features.Notifications.Calendar;

public static class CalendarEndpoints
{
    /// <summary><c>GET /api/bookings/{id}/calendar.ics</c> (booker or admin) → <c>text/calendar</c>.</summary>
    public static void MapCalendar(this WebApplication app)
    {
        app.MapGet("/api/bookings/{id:guid}/calendar.ics", async (Guid id, ClaimsPrincipal user, CalendarService calendar, CancellationToken ct) =>
                (await calendar.BookingIcsAsync(user.ToActor(), id, ct)).ToHttp(ics => Ics(ics, $"booking-{id:N}.ics")))
            .RequireMember().WithTags("Bookings")
            .Produces<string>(200, BookingCalendar.ContentType).Problems(ProblemCodes.UnknownBooking);
    }

    /// <summary>
    /// <c>GET /api/me/calendar-feed</c> → {url} (made when none), <c>POST /api/me/calendar-feed</c> → {url} (a new one: the old
    /// URL stops working), and the feed itself, <c>GET /calendar/{token}.ics</c> (no sign-in: the token is the secret).
    /// </summary>
    public static void MapCalendarFeed(this WebApplication app)
    {
        var group = app.MapGroup("/api/me/calendar-feed").RequireMember().WithTags("Calendar");
        group.MapGet("/", async (HttpRequest request, ClaimsPrincipal user, CalendarService calendar, CancellationToken ct) =>
            TypedResults.Ok(new CalendarFeedDto(FeedUrl(request, await calendar.FeedTokenAsync(user.ToActor(), ct)))));
        group.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, CalendarService calendar, CancellationToken ct) =>
            TypedResults.Ok(new CalendarFeedDto(FeedUrl(request, await calendar.RegenerateFeedAsync(user.ToActor(), ct)))));

        app.MapGet("/calendar/{token}.ics", async (string token, HttpContext http, CalendarService calendar, CancellationToken ct) =>
            {
                if (await calendar.FeedAsync(token, ct) is not { } ics)
                    return AppProblem.NotFound(ProblemCodes.NotFound, ProblemText.Get("UnknownCalendarFeed")).ToHttp();
                http.Response.Headers.CacheControl = "private, no-cache";
                return TypedResults.Text(ics, BookingCalendar.ContentType + "; charset=utf-8");
            })
            .AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>The feed's absolute URL as this request reached the app (behind a proxy: its forwarded scheme and host).</summary>
    public static string FeedUrl(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}/calendar/{token}.ics";

    private static IResult Ics(string text, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(text), BookingCalendar.ContentType + "; charset=utf-8", fileName);
}

/// <summary>The member's personal calendar feed: subscribe to <c>url</c> in Outlook or Google Calendar.</summary>
public sealed record CalendarFeedDto(string Url);
