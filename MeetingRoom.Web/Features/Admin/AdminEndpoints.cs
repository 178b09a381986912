using System.Security.Claims;
using MeetingRoom.Web.Features.Booking;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MeetingRoom.Web.Features.Admin;

public static class AdminEndpoints
{
    /// <summary>
    /// Admin only: <c>POST /api/bookings/{id}/approve</c>, <c>/deny</c> <c>{"reason"}</c>,
    /// <c>GET /api/admin/approvals</c>, <c>GET/PUT /api/admin/timetable</c>, <c>GET/PUT /api/admin/booking-window</c>, <c>GET/PUT /api/admin/booking-limits</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var approvals = app.MapGroup("/api/bookings/{id:guid}").RequireAuthorization(Roles.AdminPolicy).WithTags("Approvals");
        approvals.MapPost("/approve", async (Guid id, ClaimsPrincipal user, ApprovalService service, CancellationToken ct) =>
                (await service.ApproveAsync(user.ToActor(), id, ct)).ToHttp(TypedResults.Ok))
            .Produces<BookingDto>().ProducesProblem(404).ProducesProblem(409);
        approvals.MapPost("/deny", async (Guid id, [FromBody] ReasonRequest? body, ClaimsPrincipal user, ApprovalService service, CancellationToken ct) =>
                (await service.DenyAsync(user.ToActor(), id, body?.Reason, ct)).ToHttp(TypedResults.Ok))
            .Produces<BookingDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        var admin = app.MapGroup("/api/admin").RequireAuthorization(Roles.AdminPolicy).WithTags("Admin");
        admin.MapGet("/approvals", async (ApprovalService service, CancellationToken ct) => TypedResults.Ok(await service.PendingAsync(ct)));
        admin.MapGet("/timetable", async (SiteSettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetTimetableAsync(ct)));
        admin.MapPut("/timetable", async (TimetableDto body, SiteSettingsService settings, CancellationToken ct) =>
                (await settings.SetTimetableAsync(body, ct)).ToHttp(TypedResults.Ok))
            .ProducesProblem(400);
        admin.MapGet("/booking-window", async (SiteSettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetBookingWindowAsync(ct)));
        admin.MapPut("/booking-window", async (BookingWindowDto body, SiteSettingsService settings, CancellationToken ct) =>
                (await settings.SetBookingWindowAsync(body, ct)).ToHttp(TypedResults.Ok))
            .ProducesProblem(400);
        admin.MapGet("/booking-limits", async (SiteSettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetBookingLimitsAsync(ct)));
        admin.MapPut("/booking-limits", async (BookingLimitsDto body, SiteSettingsService settings, CancellationToken ct) =>
                (await settings.SetBookingLimitsAsync(body, ct)).ToHttp(TypedResults.Ok))
            .Produces<BookingLimitsDto>().ProducesProblem(400).ProducesProblem(409);
        return app;
    }
}
