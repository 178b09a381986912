using MeetingRoom.Web.Features.Members.Access;
using MeetingRoom.Web.Features.Members.Administration;
using MeetingRoom.Web.Features.Members.Invitations;
using MeetingRoom.Web.Features.Members.Sso;

namespace MeetingRoom.Web.Features.Members;

/// <summary>
/// People (P1): single sign-on (<see cref="Sso"/>), member administration (<see cref="Administration"/>),
/// invitations, password reset and the profile (<see cref="Invitations"/>), deactivation and personal API tokens
/// (<see cref="Access"/>).
/// </summary>
public static class MembersSetup
{
    public static void AddMembers(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        builder.AddSingleSignOn();
        builder.AddMemberAdministration();
        builder.AddInvitations();
        builder.AddMemberAccess();
    }

    public static void MapMembers(this WebApplication app)
    {
        app.MapSingleSignOn();
        app.MapMemberAdministration();
        app.MapInvitations();
        app.MapMemberAccess();
    }
}
