namespace MeetingRoom.Web.Features.Members.Sso;

/// <summary>Services and endpoints of this part of P1 (see <see cref="MembersSetup"/>).</summary>
public static class SingleSignOnSetup
{
    public static void AddSingleSignOn(this WebApplicationBuilder builder)
    {
    }

    public static void MapSingleSignOn(this WebApplication app)
    {
    }
}
