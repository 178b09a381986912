using System.Security.Claims;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MeetingRoom.Web.Features.Bookings;

public static class BookingEndpoints
{
    /// <summary>
    /// <c>POST /api/bookings</c> → 201 + Location; <c>GET /api/bookings/{id}</c>;
    /// <c>POST /api/bookings/{id}/cancel</c> → 200; <c>GET /api/me/bookings</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireMember().WithTags("Bookings");

        // A slot known to be held is answered before the booking service (and its database context) is created:
        // the losers of an opening burst cost no more than that (F2). Counted like the service's answers (BookingAnswers).
        group.MapPost("/bookings", async (BookRequest request, ClaimsPrincipal user, KnownTakenSlots known, BookingAnswers answers, HttpContext http, CancellationToken ct) =>
                (await known.IsTakenAsync(request, ct)
                    ? await answers.CountAsync(request, BookingRefusal.SlotTaken)
                    : await http.RequestServices.GetRequiredService<BookingService>().BookAsync(user.ToActor(), user.DisplayName(), request, ct))
                .ToHttp(b => TypedResults.Created($"/api/bookings/{b.Id}", b)))
            .Produces<BookingDto>(201)
            .JsonBodyProblems(ProblemCodes.UnknownRoom, ProblemCodes.UnknownPeriod, ProblemCodes.SlotTaken, ProblemCodes.NotOpenYet,
                ProblemCodes.PeriodOver, ProblemCodes.RoomOutOfService, ProblemCodes.MemberLimit, ProblemCodes.TooManyRequests);

        group.MapGet("/bookings/{id:guid}", async (Guid id, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
                (await bookings.GetAsync(user.ToActor(), id, ct)).ToHttp(TypedResults.Ok))
            .Produces<BookingDto>().Problems(ProblemCodes.UnknownBooking);

        group.MapPost("/bookings/{id:guid}/cancel", async (Guid id, [FromBody] ReasonRequest? body, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
                (await bookings.CancelAsync(user.ToActor(), id, body?.Reason, ct)).ToHttp(TypedResults.Ok))
            .Produces<BookingDto>()
            .JsonBodyProblems(ProblemCodes.NotTheBooker, ProblemCodes.UnknownBooking, ProblemCodes.WrongState, ProblemCodes.PeriodOver, ProblemCodes.SlotTaken);

        group.MapGet("/me/bookings", async (ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
                TypedResults.Ok(await bookings.MineAsync(user.ToActor(), ct)));
        return app;
    }
}
