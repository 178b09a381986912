namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>Services and endpoints of this part of P1 (see <see cref="MembersSetup"/>).</summary>
public static class MemberAdministrationSetup
{
    public static void AddMemberAdministration(this WebApplicationBuilder builder)
    {
    }

    public static void MapMemberAdministration(this WebApplication app)
    {
    }
}
