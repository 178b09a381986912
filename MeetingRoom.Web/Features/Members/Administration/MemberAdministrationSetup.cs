using MeetingRoom.Web.Features.Members.Access;
using MeetingRoom.Web.Features.Members.Invitations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>Services and endpoints of this part of P1 (see <see cref="MembersSetup"/>): the member list, roles, CSV import and export.</summary>
public static class MemberAdministrationSetup
{
    public static void AddMemberAdministration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<MemberDirectory>();
        services.AddScoped<MemberRoles>();
        services.AddScoped<MemberImport>();
        // The services these endpoints and the page call from the invitations and access parts. Their own setup
        // registers them too; TryAdd keeps one registration whichever runs first.
        services.TryAddScoped<InvitationService>();
        services.TryAddScoped<MemberDeactivation>();
    }

    public static void MapMemberAdministration(this WebApplication app)
    {
        app.MapMemberAdminEndpoints();
    }
}
