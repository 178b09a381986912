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

    private static IResult Ics(string text, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(text), BookingCalendar.ContentType + "; charset=utf-8", fileName);
}
