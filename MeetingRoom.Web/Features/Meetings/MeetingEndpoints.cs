using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using System.Security.Claims;

namespace MeetingRoom.Web.Features.Meetings;

public static class MeetingEndpoints
{
    /// <summary><c>POST /api/bookings/{id}/start</c> and <c>/end</c> → 200 with the booking.</summary>
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bookings/{id:guid}").RequireMember().WithTags("Meetings");
        group.MapPost("/start", async (Guid id, ClaimsPrincipal user, MeetingService meetings, CancellationToken ct) =>
                (await meetings.StartAsync(user.ToActor(), id, ct)).ToHttp(TypedResults.Ok))
            .Produces<BookingDto>().Problems(ProblemCodes.NotTheBooker, ProblemCodes.UnknownBooking, ProblemCodes.WrongState,
                ProblemCodes.PeriodOver, ProblemCodes.NotOpenYet, ProblemCodes.SlotTaken);
        group.MapPost("/end", async (Guid id, ClaimsPrincipal user, MeetingService meetings, CancellationToken ct) =>
                (await meetings.EndAsync(user.ToActor(), id, ct)).ToHttp(TypedResults.Ok))
            .Produces<BookingDto>().Problems(ProblemCodes.NotTheBooker, ProblemCodes.UnknownBooking, ProblemCodes.WrongState, ProblemCodes.SlotTaken);
        return app;
    }
}
