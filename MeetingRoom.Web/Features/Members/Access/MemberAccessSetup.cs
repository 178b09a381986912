namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>Services and endpoints of this part of P1 (see <see cref="MembersSetup"/>).</summary>
public static class MemberAccessSetup
{
    public static void AddMemberAccess(this WebApplicationBuilder builder)
    {
    }

    public static void MapMemberAccess(this WebApplication app)
    {
    }
}
