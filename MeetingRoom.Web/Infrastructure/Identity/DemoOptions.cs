namespace MeetingRoom.Web.Infrastructure.Identity;

/// <summary>Configuration section "Demo": demo accounts and rooms (Development only).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Create demo accounts and rooms at start-up (only honoured in Development).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Password of every demo account (environment variable <c>Demo__Password</c>). When unset, one is
    /// generated when the accounts are first created and printed once to the log.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>How many member accounts (member1@demo.local …).</summary>
    public int Members { get; set; } = 10;
}
