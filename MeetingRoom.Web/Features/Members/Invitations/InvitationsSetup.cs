namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>Services and endpoints of this part of P1 (see <see cref="MembersSetup"/>).</summary>
public static class InvitationsSetup
{
    public static void AddInvitations(this WebApplicationBuilder builder)
    {
    }

    public static void MapInvitations(this WebApplication app)
    {
    }
}
