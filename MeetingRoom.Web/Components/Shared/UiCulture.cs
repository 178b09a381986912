using System.Globalization;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>
/// The language a component renders in, captured while it runs in its circuit (when it subscribes to pushes or
/// starts a timer). A server-side push or a timer calls back on another thread, whose culture is the site's
/// neutral one, not the member's: the callback applies the captured culture first, so what it renders stays in
/// the member's language.
/// </summary>
public readonly record struct UiCulture(CultureInfo Culture, CultureInfo UICulture)
{
    /// <summary>The culture and UI culture of the code running now.</summary>
    public static UiCulture Current => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary>
    /// Makes this the current culture and UI culture of the running flow. Call it at the start of an async
    /// callback: the change stays inside that callback's flow (the caller's culture is untouched).
    /// </summary>
    public void Apply()
    {
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = UICulture;
    }
}
