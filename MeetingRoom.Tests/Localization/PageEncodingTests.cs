using System.Text.RegularExpressions;
using MeetingRoom.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MeetingRoom.Tests.Localization;

/// <summary>
/// Prerendered pages carry Korean (and every script) as UTF-8 characters, not as HTML character references
/// (<c>&amp;#xD68C;</c>): readable in the page source and about a third smaller (issue 25).
/// </summary>
public sealed partial class PageEncodingTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private async Task<string> KoreanPageAsync(string path)
    {
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        return await browser.GetStringAsync(path);
    }

    [Theory]
    [InlineData("/Account/Login?lang=ko")]
    [InlineData("/board?lang=ko")]
    public async Task A_korean_page_writes_hangul_as_characters(string path)
    {
        var html = await KoreanPageAsync(path);

        Assert.Matches(Hangul(), html);
        Assert.DoesNotMatch(HangulReference(), html);
    }

    [GeneratedRegex(@"[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();

    /// <summary>A character reference to a Hangul syllable (U+AC00–U+D7A3), hexadecimal or decimal.</summary>
    [GeneratedRegex(@"&#x(?:A[C-F]|[BC][0-9A-F]|D[0-7])[0-9A-F]{2};|&#(?:4[4-9]|5[0-5])\d{3};", RegexOptions.IgnoreCase)]
    private static partial Regex HangulReference();
}
