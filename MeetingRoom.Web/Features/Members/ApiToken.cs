namespace MeetingRoom.Web.Features.Members;

/// <summary>
/// A member's personal API token (P1: scripts and calendar tools of members who sign in through single sign-on).
/// The token itself is shown once when created; only its SHA-256 (hex, <see cref="HashLength"/> characters) is stored.
/// Revoking deletes the row.
/// </summary>
public sealed class ApiToken
{
    public const int HashLength = 64;
    public const int MaxNameLength = 100;

    public Guid Id { get; set; }
    public string MemberId { get; set; } = "";
    /// <summary>What the member called it ("calendar sync").</summary>
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last time a request used it (UTC), written at most once a minute; null: never used.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
