using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// Builds the absolute links mailed for an account. The base is <c>App:PublicUrl</c> when set (recommended whenever email
/// is on); else the address an admin last used (<see cref="SiteAddress"/>); else the current request's; else the link is
/// site-relative (and a warning is logged). Scoped.
/// </summary>
public sealed class AccountLinks(IOptions<PublicUrlOptions> options, SiteAddress site, IHttpContextAccessor http, ILogger<AccountLinks> logger)
{
    public const string AcceptInvitationPath = "/Account/AcceptInvitation";
    public const string ResetPasswordPath = "/Account/ResetPassword";

    /// <summary><c>{base}/Account/AcceptInvitation?member={id}&amp;token={token}</c>.</summary>
    public string Invitation(string memberId, string token) =>
        Base() + $"{AcceptInvitationPath}?member={Uri.EscapeDataString(memberId)}&token={Uri.EscapeDataString(token)}";

    /// <summary><c>{base}/Account/ResetPassword?email={email}&amp;code={code}</c>: <paramref name="code"/> as <c>/api/auth/resetPassword</c> takes it.</summary>
    public string PasswordReset(string email, string code) =>
        Base() + $"{ResetPasswordPath}?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(code)}";

    /// <summary>The site's base address without a trailing slash ("" when unknown: the link is then relative).</summary>
    public string Base()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl)) return options.Value.PublicUrl.Trim().TrimEnd('/');
        if (site.Base is { } remembered) return remembered;
        if (http.HttpContext?.Request is { Host.HasValue: true } request)
            return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase).TrimEnd('/');
        logger.LogWarning("No address is known for links in mail: set App:PublicUrl. The link is site-relative.");
        return "";
    }
}
