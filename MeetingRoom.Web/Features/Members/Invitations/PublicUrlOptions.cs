namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>Configuration section "App": <c>App:PublicUrl</c>, the address people reach the site at (links in mail).</summary>
public sealed class PublicUrlOptions
{
    public const string Section = "App";

    /// <summary>
    /// E.g. <c>https://rooms.example.com</c> (a path is allowed: <c>https://example.com/rooms</c>). Unset: links use the
    /// address an admin's browser last used (see <see cref="SiteAddress"/>), else the request's own.
    /// </summary>
    public string? PublicUrl { get; set; }
}
