namespace MeetingRoom.Web.Features.Notifications.Email;

/// <summary>Configuration section "Smtp": email is off while <see cref="Host"/> is unset.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>The sender, e.g. <c>MeetingRoom &lt;rooms@example.com&gt;</c>.</summary>
    public string From { get; set; } = "MeetingRoom <meetingroom@localhost>";
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>true: TLS (implicit on port 465, STARTTLS otherwise) and a valid server certificate required; false: plain SMTP.</summary>
    public bool UseTls { get; set; }
    /// <summary>Per SMTP operation; a slow server only delays the email loop.</summary>
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>How long an instance holds a message while sending it before another may try (crash recovery).</summary>
    public int ClaimSeconds { get; set; } = 120;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
