namespace MeetingRoom.Web.Features.Notifications;

/// <summary>
/// An in-app notification for one member about one booking. At most one per (member, booking,
/// kind): a unique index makes producing them idempotent. Kept for Notifications:RetentionDays. A series notice (issue 22)
/// keys <see cref="BookingId"/> on the series or on one change of it (<see cref="SeriesNotices"/>), not on a booking.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string MemberId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public Guid BookingId { get; set; }
    /// <summary>Short line for the bell list, e.g. "Booking approved", in English (rows written before <see cref="Facts"/> existed show it as it is).</summary>
    public string Title { get; set; } = "";
    /// <summary>The details a person needs: room, date, period (site-local) and any reason, in English.</summary>
    public string Body { get; set; } = "";
    /// <summary>
    /// What happened, language-neutrally (<see cref="NotificationFacts"/> as JSON): the title and body are written from
    /// it in the reader's language when read (<see cref="NotificationTexts"/>). Null on rows written before.
    /// </summary>
    [System.ComponentModel.DataAnnotations.MaxLength(2000)]
    public string? Facts { get; set; }
    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>UTC; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; set; }
}
