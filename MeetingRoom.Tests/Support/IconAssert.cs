using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace MeetingRoom.Tests.Support;

/// <summary>Checks which MudBlazor icon an &lt;svg&gt; shows (its path data; the HTML parser rewrites self-closing tags).</summary>
public static partial class IconAssert
{
    public static void Shows(string icon, IElement svg)
    {
        Assert.Equal("svg", svg.LocalName);
        var paths = PathData().Matches(icon).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, d => Assert.Contains($"d=\"{d}\"", svg.InnerHtml));
    }

    [GeneratedRegex("\\bd=\"([^\"]+)\"")]
    private static partial Regex PathData();
}
