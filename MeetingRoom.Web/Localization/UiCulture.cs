using System.Globalization;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// The one way the app sets the language of the code running now: a culture (numbers, dates) and a UI culture
/// (texts), set together on <see cref="CultureInfo.CurrentCulture"/> and <see cref="CultureInfo.CurrentUICulture"/>.
/// Used to carry a circuit's language into its callbacks (a server-side push or a timer calls back on another
/// thread, whose culture is the site's neutral one: capture <see cref="Current"/> while the component runs in its
/// circuit, <see cref="Apply"/> it first thing in the callback), to give a circuit its page's language
/// (<see cref="CircuitCulture"/>), and to write a text in a member's language (<see cref="Run{T}"/>,
/// <see cref="RunAsync{T}"/>: e-mails, notifications). The languages themselves are resolved elsewhere
/// (<see cref="SiteLocalization"/>, <see cref="MemberLanguage"/>).
/// </summary>
/// <param name="Culture">Numbers and dates.</param>
/// <param name="UICulture">Texts (resources).</param>
public readonly record struct UiCulture(CultureInfo Culture, CultureInfo UICulture)
{
    /// <summary>The culture and UI culture of the code running now.</summary>
    public static UiCulture Current => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary><paramref name="culture"/> as both the culture and the UI culture.</summary>
    public static UiCulture Of(CultureInfo culture) => new(culture, culture);

    /// <summary>
    /// Makes this the current culture and UI culture of the running flow. Call it at the start of an async
    /// callback: the change stays inside that callback's flow (the caller's culture is untouched).
    /// </summary>
    public void Apply()
    {
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = UICulture;
    }

    /// <summary>Runs <paramref name="act"/> in this culture; the culture before is restored afterwards, also on an exception.</summary>
    public T Run<T>(Func<T> act)
    {
        var before = Current;
        Apply();
        try { return act(); }
        finally { before.Apply(); }
    }

    /// <summary>Runs <paramref name="act"/> (and everything it awaits) in this culture; the culture before is restored afterwards, also on an exception.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> act)
    {
        var before = Current;
        Apply();
        try { return await act(); }
        finally { before.Apply(); }
    }
}
