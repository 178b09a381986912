using System.Globalization;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Localization;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Infrastructure.Http;

/// <summary>
/// The words of every problem (titles, details, field errors) in the current UI culture: the request's
/// <c>Accept-Language</c> for the API, the member's language in a page. <see cref="AppProblem"/>s are made in many
/// static places, so this is a static <see cref="IStringLocalizer"/> over <c>Resources/Infrastructure/Http/ProblemText.resx</c>
/// (and <c>.ko.resx</c>), made by <see cref="StaticLocalizers"/> — the same
/// stack and files as injected localizers. Dates and times in a message are written by <see cref="SiteFormat"/>.
/// </summary>
public static class ProblemText
{
    private static readonly IStringLocalizer Text = StaticLocalizers.For(typeof(ProblemText));

    /// <summary>Days and times in the current culture, as everywhere else in the product.</summary>
    public static SiteFormat Format => StaticLocalizers.Format;

    /// <summary>The text of <paramref name="key"/> with its arguments (dates, times and enum values written for people).</summary>
    public static string Get(string key, params object?[] args) => Text[key, Words(args)];

    /// <summary>True when the resources have <paramref name="key"/>.</summary>
    public static bool Has(string key) => !Text[key].ResourceNotFound;

    /// <summary>A domain message in the current culture; its English text when no resource has its key.</summary>
    public static string Of(DomainMessage message)
    {
        var text = Text[message.Key, Words(message.Args)];
        return text.ResourceNotFound ? message.Text : text.Value;
    }

    /// <summary>Field errors in the current culture.</summary>
    public static IReadOnlyDictionary<string, string[]> Of(IReadOnlyDictionary<string, DomainMessage[]> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(Of).ToArray());

    /// <summary>The name of an enum value for people (resource <c>{EnumType}{Value}</c>, e.g. <c>BookingStateConfirmed</c>).</summary>
    public static string Name(Enum value)
    {
        var text = Text[value.GetType().Name + value];
        return text.ResourceNotFound ? value.ToString() : text.Value;
    }

    /// <summary>The PascalCase resource name part of a problem code: "slot-taken" → "SlotTaken", "http-413" → "Http413".</summary>
    public static string KeyOf(string code) =>
        string.Concat(code.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static object?[] Words(object?[] args) => args.Select(a => a switch
    {
        DateOnly d => Format.Day(d),
        TimeOnly t => Format.Time(t),
        DateTimeOffset at => Format.DayAndTime(at),
        Enum e => Name(e),
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => a,
    }).ToArray();
}
