namespace MeetingRoom.Web.Components;

/// <summary>Registers and maps the Blazor UI (pages, Radzen, sign-in pages).</summary>
public static class UiSetup
{
    public static void AddUi(this WebApplicationBuilder builder)
    {
    }

    public static void UseUi(this WebApplication app)
    {
    }
}
