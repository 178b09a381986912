using MeetingRoom.Web.Localization;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// The words of the insights query and export (issue 23) in the current UI culture (the request's
/// <c>Accept-Language</c> for the API): its problems and the CSV column headers, from
/// <c>Resources/Features/Insights/InsightsText(.ko).resx</c>.
/// </summary>
public static class InsightsText
{
    private static readonly IStringLocalizer Text = StaticLocalizers.For(typeof(InsightsText));

    /// <summary>The text of <paramref name="key"/> with its arguments.</summary>
    public static string Get(string key, params object[] args) => Text[key, args];
}
