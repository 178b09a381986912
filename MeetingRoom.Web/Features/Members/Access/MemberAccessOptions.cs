namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>
/// The access part of configuration section "Auth" (P1, issue 20: a deactivated member loses access everywhere within
/// a minute). Bound at start-up; environment variable <c>Auth__RevalidateSeconds</c>.
/// </summary>
public sealed class MemberAccessOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// How often (seconds, default 30, at least 1) a sign-in cookie is checked against its account (security stamp and
    /// status) and how often an open page (a Blazor circuit) is. With the 10-s security-stamp cache of bearer tokens and
    /// API tokens, a deactivation is enforced everywhere within this + 10 s; keep it at most 45 for the minute.
    /// </summary>
    public int RevalidateSeconds { get; set; } = 30;

    public TimeSpan RevalidateInterval => TimeSpan.FromSeconds(Math.Max(1, RevalidateSeconds));
}
