using System.Security.Claims;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Members.Access;
using MeetingRoom.Web.Features.Members.Invitations;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>
/// Admin only (P1), under <c>/api/admin/members</c>: <c>GET ?search=&amp;role=&amp;status=&amp;page=&amp;pageSize=</c> →
/// <c>{items, total}</c>; <c>GET /{id}</c>; <c>PUT /{id}/role</c> <c>{role}</c>; <c>POST /invitations</c>
/// <c>{email,name,role}</c> → 201; <c>POST /{id}/invitation</c> (send again); <c>POST /{id}/deactivate</c>,
/// <c>POST /{id}/reactivate</c>; <c>POST /import?dryRun=true</c> (CSV body or multipart file) → the per-line report;
/// <c>GET /export</c> → <c>text/csv</c> (same filters as the list).
/// </summary>
public static class MemberAdminEndpoints
{
    public static IEndpointRouteBuilder MapMemberAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/admin/members").RequireAdmin().WithTags("Members");

        members.MapGet("/", async ([FromQuery] string? search, [FromQuery] string? role, [FromQuery] string? status,
                    [FromQuery] string? page, [FromQuery] string? pageSize, MemberDirectory directory, CancellationToken ct) =>
                (await directory.ListAsync(search, role, status, page, pageSize, ct)).ToHttp(TypedResults.Ok))
            .Produces<MemberPage>().Problems(ProblemCodes.InvalidInput);

        members.MapGet("/export", async Task<IResult> ([FromQuery] string? search, [FromQuery] string? role, [FromQuery] string? status,
                    MemberDirectory directory, SiteRulesProvider rules, TimeProvider clock, CancellationToken ct) =>
            {
                var query = MemberDirectory.ParseQuery(search, role, status, null, null);
                if (!query.IsOk) return query.Problem!.ToHttp();
                var csv = MemberCsv.Write(await directory.AllAsync(query.Value.Filter, ct));
                var day = (await rules.GetAsync(ct)).LocalDate(clock.GetUtcNow());
                return TypedResults.File(csv, "text/csv; charset=utf-8", $"members-{day:yyyy-MM-dd}.csv");
            })
            .Produces<string>(200, "text/csv").Problems(ProblemCodes.InvalidInput);

        members.MapGet("/{id}", async (string id, MemberDirectory directory, CancellationToken ct) =>
                (await directory.FindAsync(id, ct)).ToHttp(TypedResults.Ok))
            .Produces<MemberRow>().Problems(ProblemCodes.UnknownMember);

        members.MapPut("/{id}/role", async (string id, RoleRequest body, ClaimsPrincipal user, MemberRoles roles, CancellationToken ct) =>
                (await roles.ChangeAsync(user.ToActor(), id, body.Role, ct)).ToHttp(TypedResults.Ok))
            .Produces<MemberRow>().JsonBodyProblems(ProblemCodes.AdminOnly, ProblemCodes.UnknownMember, ProblemCodes.LastAdmin);

        // Invitations and deactivation are the invitations and access parts' services; these are their admin endpoints.
        members.MapPost("/invitations", async (InvitationRequest body, ClaimsPrincipal user, InvitationService invitations, CancellationToken ct) =>
                (await invitations.InviteAsync(user.ToActor(), body, ct)).ToHttp(sent => TypedResults.Created($"/api/admin/members/{sent.MemberId}", sent)))
            .Produces<InvitationSent>(201)
            .JsonBodyProblems(ProblemCodes.AdminOnly, ProblemCodes.MemberExists);
        members.MapPost("/{id}/invitation", async (string id, ClaimsPrincipal user, InvitationService invitations, CancellationToken ct) =>
                (await invitations.ResendAsync(user.ToActor(), id, ct)).ToHttp(TypedResults.Ok))
            .Produces<InvitationSent>().Problems(ProblemCodes.AdminOnly, ProblemCodes.UnknownMember, ProblemCodes.WrongStatus);
        members.MapPost("/{id}/deactivate", async (string id, ClaimsPrincipal user, MemberDeactivation deactivation, CancellationToken ct) =>
                (await deactivation.DeactivateAsync(user.ToActor(), id, ct)).ToHttp(TypedResults.Ok))
            .Produces<DeactivationDone>()
            .Problems(ProblemCodes.AdminOnly, ProblemCodes.UnknownMember, ProblemCodes.CannotDeactivateSelf, ProblemCodes.LastAdmin,
                ProblemCodes.WrongStatus, ProblemCodes.Conflict);
        members.MapPost("/{id}/reactivate", async (string id, ClaimsPrincipal user, MemberDeactivation deactivation, MemberDirectory directory,
                    CancellationToken ct) =>
            {
                var done = await deactivation.ReactivateAsync(user.ToActor(), id, ct);
                return done.IsOk ? (await directory.FindAsync(id, ct)).ToHttp(TypedResults.Ok) : done.Problem!.ToHttp();
            })
            .Produces<MemberRow>().Problems(ProblemCodes.AdminOnly, ProblemCodes.UnknownMember, ProblemCodes.WrongStatus);

        members.MapPost("/import", async (HttpRequest request, [FromQuery] string? dryRun, ClaimsPrincipal user, MemberImport import, CancellationToken ct) =>
            {
                if (ParseDryRun(dryRun) is not { } preview) return AppProblem.Invalid("dryRun", MemberProblems.Get("QueryDryRun")).ToHttp();
                var file = await CsvUpload.ReadAsync(request, ct);
                if (!file.IsOk) return file.Problem!.ToHttp();
                var report = preview
                    ? await import.PreviewAsync(user.ToActor(), file.Value, ct)
                    : await import.ImportAsync(user.ToActor(), file.Value, ct);
                return report.ToHttp(TypedResults.Ok);
            })
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Declared for the document only: IAcceptsMetadata would make routing answer 415 before authorization (401/403).
                operation.RequestBody = CsvUpload.OpenApiBody();
                return Task.CompletedTask;
            })
            .Produces<MemberImportReport>()
            .Problems(ProblemCodes.InvalidInput, ProblemCodes.AdminOnly, ProblemCodes.PayloadTooLarge, ProblemCodes.UnsupportedMediaType,
                ProblemCodes.Conflict);
        return app;
    }

    /// <summary>Absent or <c>false</c>/<c>0</c>: the real import; <c>true</c>/<c>1</c>: the preview; anything else: null.</summary>
    private static bool? ParseDryRun(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => null,
    };
}
