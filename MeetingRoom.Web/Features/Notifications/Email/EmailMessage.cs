namespace MeetingRoom.Web.Features.Notifications.Email;

/// <summary>
/// One email for one member about one event: written by the "email" outbox handler in its transaction (the
/// unique key OutboxId + MemberId makes a redelivered event write nothing), then sent by <see cref="EmailDelivery"/>
/// outside any transaction and marked <see cref="SentAt"/>. See the README's "Email" for the delivery guarantee.
/// </summary>
public sealed class EmailMessage
{
    public long Id { get; set; }
    /// <summary>The outbox message (event) this email is about.</summary>
    public long OutboxId { get; set; }
    public string MemberId { get; set; } = "";
    public string To { get; set; } = "";
    /// <summary>The Message-Id header, the same on every attempt (a resend after a crash is recognisably the same mail).</summary>
    public string MessageId { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The booking's .ics (text/calendar), attached when set.</summary>
    public string? Calendar { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the SMTP server accepted it; null while pending.</summary>
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>An instance sending it holds it until then (another instance leaves it alone meanwhile).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
