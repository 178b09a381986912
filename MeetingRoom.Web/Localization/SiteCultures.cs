using System.Globalization;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// The languages the product speaks (requirement D4): Korean (<c>ko</c>) and English (<c>en</c>). Every
/// resource has a neutral file (<c>X.resx</c>, English) and a Korean one (<c>X.ko.resx</c>) under
/// <c>Resources/</c>, at the path of the type that uses it. A third language is one more name here and one
/// more <c>X.{name}.resx</c> beside each resource (README "Adding a language").
/// </summary>
public static class SiteCultures
{
    /// <summary>Culture names in the order the language switch shows them.</summary>
    public static readonly IReadOnlyList<string> Supported = ["ko", "en"];

    /// <summary>The language resources fall back to (the neutral <c>.resx</c> files are written in it).</summary>
    public const string Neutral = "en";

    /// <summary>The longest culture name stored (a member's language, the site's default), e.g. "zh-Hant-TW" fits.</summary>
    public const int NameMaxLength = 16;

    /// <summary>The query-string key a wall or door display uses to pick its language, e.g. <c>/board?lang=ko</c>.</summary>
    public const string QueryKey = "lang";

    /// <summary>
    /// The supported culture a requested name (e.g. "ko-KR", "EN", "ko") stands for, or null when it names
    /// none (region and case are ignored).
    /// </summary>
    public static string? Match(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var language = name.Trim().Split('-', '_')[0];
        return Supported.FirstOrDefault(s => string.Equals(s, language, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether a name is exactly one of <see cref="Supported"/> (as stored: no region, lower case).</summary>
    public static bool IsSupported(string? name) => name is not null && Supported.Contains(name);

    /// <summary>A language's name in that language, as the language switch shows it: "한국어", "English".</summary>
    public static string NativeName(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        return culture.TextInfo.ToTitleCase(culture.NativeName);
    }

    /// <summary>The supported cultures, as <see cref="CultureInfo"/>.</summary>
    public static IList<CultureInfo> Cultures => [.. Supported.Select(CultureInfo.GetCultureInfo)];
}
