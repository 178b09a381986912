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
    }

    public static void MapMemberAdministration(this WebApplication app)
    {
        app.MapMemberAdminEndpoints();
    }
}
