using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// Localizers for the few static writers that cannot take an injected <see cref="IStringLocalizer{T}"/> (problem
/// texts, the shared UI wording, the iCalendar writer): one framework <see cref="ResourceManagerStringLocalizerFactory"/>
/// over the same <see cref="SiteLocalization.ResourcesPath"/> and files as the injected ones. Each call reads
/// <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.
/// </summary>
public static class StaticLocalizers
{
    private static readonly ResourceManagerStringLocalizerFactory Factory = new(
        Options.Create(new LocalizationOptions { ResourcesPath = SiteLocalization.ResourcesPath }), NullLoggerFactory.Instance);

    /// <summary>The localizer over <paramref name="type"/>'s resources.</summary>
    public static IStringLocalizer For(Type type) => Factory.Create(type);

    /// <summary>Days and times in the current culture, with the same patterns as the injected singleton.</summary>
    public static SiteFormat Format { get; } = new(new StringLocalizer<SiteFormat>(Factory));
}
