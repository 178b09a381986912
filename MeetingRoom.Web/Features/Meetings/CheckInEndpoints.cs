using System.Security.Claims;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Schedule.Door;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;

namespace MeetingRoom.Web.Features.Meetings;

public static class CheckInEndpoints
{
    /// <summary>
    /// <c>POST /api/checkin/{code}</c> (member) → 200 with the started booking; <c>GET /door/{token}/qr.png</c> (anyone with
    /// the door display's URL) → the QR code of the slot the door shows now, or 404 when there is nothing to check in to.
    /// </summary>
    public static IEndpointRouteBuilder MapCheckInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/checkin/{code}", async (string code, ClaimsPrincipal user, CheckInService checkIn, CancellationToken ct) =>
                (await checkIn.CheckInAsync(user.ToActor(), code, ct)).ToHttp(TypedResults.Ok))
            .RequireMember().WithTags("Meetings")
            .Produces<BookingDto>().Problems(ProblemCodes.CheckInCodeExpired, ProblemCodes.SlotFree, ProblemCodes.NotTheBooker,
                ProblemCodes.UnknownRoom, ProblemCodes.UnknownBooking, ProblemCodes.WrongState, ProblemCodes.PeriodOver,
                ProblemCodes.NotOpenYet, ProblemCodes.SlotTaken);

        // part of the door page (like /board), not of the API document
        app.MapGet("/door/{token}/qr.png", async (string token, HttpContext http, DoorDisplayService doors, DoorQuery door,
                CheckInCodes codes, CancellationToken ct) =>
            {
                if (await doors.RoomOfTokenAsync(token, ct) is not { } room || await door.GetAsync(room, ct) is not { QrStart: { } start } view)
                    return Results.NotFound();
                var code = codes.For(new CheckInSlot(room, view.Date, start));
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(CheckInQr.Png(CheckInQr.UrlOf(http.Request, code)), "image/png");
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
