using System.Globalization;
using System.Text.Json;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Localization;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Features.Notifications;

/// <summary>
/// Writes a notification's title and body in the current UI culture from its kind and <see cref="NotificationFacts"/>
/// (resources <c>Resources/Features/Notifications/NotificationTexts*.resx</c>; days and periods by <see cref="SiteFormat"/>).
/// The inbox, the bell, its live toasts, the API and the emails all word notifications here. Singleton.
/// </summary>
public sealed class NotificationTexts(IStringLocalizer<NotificationTexts> text, SiteFormat format)
{
    /// <summary>The culture stored titles and bodies are written in (what old readers and logs see).</summary>
    public static readonly CultureInfo Stored = CultureInfo.GetCultureInfo(SiteCultures.Neutral);

    /// <summary>The short line: "Booking approved" / "예약이 승인되었습니다".</summary>
    public string Title(NotificationKind kind, NotificationFacts facts) => kind switch
    {
        NotificationKind.EndingSoon => text["TitleEndingSoon", facts.Minutes ?? 0],
        NotificationKind.FromWaitlist => text["TitleFromWaitlist", facts.Room, format.Period(facts.Start, facts.End)],
        _ when IsSeries(kind) => text["Title" + kind, facts.SeriesTitle ?? ""],
        _ => text["Title" + kind],
    };

    /// <summary>Whether <paramref name="kind"/> is about a series as a whole (issue 22), not one booking.</summary>
    public static bool IsSeries(NotificationKind kind) => kind is NotificationKind.SeriesCreated or NotificationKind.SeriesChanged
        or NotificationKind.SeriesHandedOver or NotificationKind.SeriesCancelled or NotificationKind.SeriesOccurrencesCancelled or NotificationKind.SeriesEnded;

    /// <summary>"Harbor · Mon 23 Nov · 10:00–11:50" plus the reason, if any.</summary>
    public string Body(NotificationKind kind, NotificationFacts facts)
    {
        if (IsSeries(kind)) return SeriesBody(kind, facts);
        var line = text["Body", facts.Room, format.Day(facts.Date), format.Period(facts.Start, facts.End)].Value;
        var reason = kind switch
        {
            NotificationKind.Released => text["ReasonReleased"].Value,
            NotificationKind.FromWaitlist when facts.Pending => text["ReasonPendingApproval"].Value,
            _ when facts.RoomRemoved => text["ReasonRoomRemoved", facts.Room].Value,
            _ when facts.MemberDeactivated => text["ReasonMemberDeactivated"].Value,
            _ => facts.Reason,
        };
        return string.IsNullOrWhiteSpace(reason) ? line : text["BodyWithReason", line, reason];
    }

    /// <summary>
    /// A series notice's body (issue 22): "Harbor · Every week on Tue · 10 times · 10:00–11:50" and what happened, e.g. "12 occurrences
    /// reserved, from Tue 1 Dec." or "Nobody checked in 3 times in a row: the rest of the series was cancelled and its slots freed."
    /// </summary>
    private string SeriesBody(NotificationKind kind, NotificationFacts facts)
    {
        var rule = facts.Rule is { } r ? Series.SeriesRuleText.Of(r) : format.Day(facts.Date);
        var line = text["SeriesBody", facts.Room, rule, format.Period(facts.Start, facts.End)].Value;
        var day = format.Day(facts.Date);
        var what = kind switch
        {
            NotificationKind.SeriesCreated => text["SeriesReasonCreated", facts.Count ?? 0, day].Value,
            NotificationKind.SeriesChanged => text["SeriesReasonChanged", day].Value,
            NotificationKind.SeriesHandedOver => text["SeriesReasonHandedOver", day].Value,
            NotificationKind.SeriesCancelled => text["SeriesReasonCancelled"].Value,
            NotificationKind.SeriesOccurrencesCancelled => text["SeriesReasonOccurrencesCancelled", facts.Count ?? 1, day].Value,
            _ => text["SeriesReasonEnded", facts.Count ?? 0].Value,
        };
        return text["BodyWithReason", line, what];
    }

    /// <summary>A stored notification as its reader sees it: worded now from its facts, or (old rows) as stored.</summary>
    public NotificationDto ToDto(Notification n, bool? isRead = null)
    {
        var facts = NotificationFacts.FromJson(n.Facts);
        return new NotificationDto(n.Id, n.Kind, n.BookingId,
            facts is null ? n.Title : Title(n.Kind, facts), facts is null ? n.Body : Body(n.Kind, facts),
            n.CreatedAt, isRead ?? n.ReadAt is not null);
    }

    /// <summary>A new notification row: its facts, and its title and body in <see cref="Stored"/> for old readers.</summary>
    public Notification NewRow(string memberId, NotificationKind kind, Guid bookingId, NotificationFacts facts, DateTimeOffset now) =>
        UiCulture.Of(Stored).Run(() => new Notification
        {
            MemberId = memberId, Kind = kind, BookingId = bookingId, CreatedAt = now,
            Title = Title(kind, facts), Body = Body(kind, facts), Facts = facts.ToJson(),
        });
}
