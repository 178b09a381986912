namespace MeetingRoom.Web.Features.Notifications;

/// <summary>
/// What a member chose for themselves: their personal calendar feed, whether they get email, and their language.
/// One row per member, created the first time one of them is set.
/// </summary>
public sealed class MemberPreferences
{
    public const int TokenHashLength = 64;

    public string MemberId { get; set; } = "";

    /// <summary>SHA-256 (hex) of the calendar feed's secret token: the feed is found by it, the token itself is never stored in clear.</summary>
    public string? CalendarFeedTokenHash { get; set; }

    /// <summary>The token, encrypted with the app's data-protection keys, so that its owner can be shown the URL again.</summary>
    public string? CalendarFeedTokenProtected { get; set; }

    public DateTimeOffset? CalendarFeedCreatedAt { get; set; }

    /// <summary>The member turned email off (default: on).</summary>
    public bool EmailOff { get; set; }

    /// <summary>
    /// The language the member chose with the language switch (a name of <see cref="Localization.SiteCultures.Supported"/>,
    /// e.g. "ko"), or null when they never chose: then the site's default language applies to what is sent to them.
    /// </summary>
    public string? Language { get; set; }
}
