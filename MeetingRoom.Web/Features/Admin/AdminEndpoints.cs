using System.Security.Claims;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MeetingRoom.Web.Features.Admin;

public static class AdminEndpoints
{
    /// <summary>
    /// Admin only: <c>POST /api/bookings/{id}/approve</c>, <c>/deny</c> <c>{"reason"}</c>,
    /// <c>GET /api/admin/approvals</c>, <c>GET/PUT /api/admin/timetable</c>, <c>GET/PUT /api/admin/booking-window</c>, <c>GET/PUT /api/admin/booking-limits</c>,
    /// <c>GET/PUT /api/admin/language</c> (the site's default language).
    /// </summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var approvals = app.MapGroup("/api/bookings/{id:guid}").RequireAdmin().WithTags("Approvals");
        approvals.MapPost("/approve", async (Guid id, ClaimsPrincipal user, ApprovalService service, CancellationToken ct) =>
                (await service.ApproveAsync(user.ToActor(), id, ct)).ToHttp(TypedResults.Ok))
            .Produces<BookingDto>().Problems(ProblemCodes.AdminOnly, ProblemCodes.UnknownBooking, ProblemCodes.WrongState,
                ProblemCodes.PeriodOver, ProblemCodes.SlotTaken);
        approvals.MapPost("/deny", async (Guid id, [FromBody] ReasonRequest? body, ClaimsPrincipal user, ApprovalService service, CancellationToken ct) =>
                (await service.DenyAsync(user.ToActor(), id, body?.Reason, ct)).ToHttp(TypedResults.Ok))
            .Produces<BookingDto>().JsonBodyProblems(ProblemCodes.AdminOnly, ProblemCodes.UnknownBooking, ProblemCodes.WrongState, ProblemCodes.SlotTaken);

        var admin = app.MapGroup("/api/admin").RequireAdmin().WithTags("Admin");
        admin.MapGet("/approvals", async (ApprovalService service, CancellationToken ct) => TypedResults.Ok(await service.PendingAsync(ct)));
        admin.MapGet("/timetable", async (SiteSettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetTimetableAsync(ct)));
        admin.MapPut("/timetable", async (TimetableDto body, SiteSettingsService settings, CancellationToken ct) =>
                (await settings.SetTimetableAsync(body, ct)).ToHttp(TypedResults.Ok))
            .Produces<TimetableDto>().JsonBodyProblems(ProblemCodes.Conflict);
        admin.MapGet("/booking-window", async (SiteSettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetBookingWindowAsync(ct)));
        admin.MapPut("/booking-window", async (BookingWindowDto body, SiteSettingsService settings, CancellationToken ct) =>
                (await settings.SetBookingWindowAsync(body, ct)).ToHttp(TypedResults.Ok))
            .Produces<BookingWindowDto>().JsonBodyProblems(ProblemCodes.Conflict);
        admin.MapGet("/booking-limits", async (SiteSettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetBookingLimitsAsync(ct)));
        admin.MapPut("/booking-limits", async (BookingLimitsDto body, SiteSettingsService settings, CancellationToken ct) =>
                (await settings.SetBookingLimitsAsync(body, ct)).ToHttp(TypedResults.Ok))
            .Produces<BookingLimitsDto>().JsonBodyProblems(ProblemCodes.Conflict);
        admin.MapGet("/language", async (SiteSettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetLanguageAsync(ct)));
        admin.MapPut("/language", async (SiteLanguageDto body, SiteSettingsService settings, CancellationToken ct) =>
                (await settings.SetLanguageAsync(body, ct)).ToHttp(TypedResults.Ok))
            .Produces<SiteLanguageDto>().JsonBodyProblems(ProblemCodes.Conflict);
        return app;
    }
}
