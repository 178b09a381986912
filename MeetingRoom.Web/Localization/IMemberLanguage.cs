using System.Globalization;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// The language a member reads what is sent to them in (email, stored notifications): the one they chose with
/// the language switch, else the site's default language.
/// </summary>
public interface IMemberLanguage
{
    /// <summary>The member's language, a name of <see cref="SiteCultures.Supported"/> (e.g. "ko").</summary>
    Task<string> ForAsync(string memberId, CancellationToken ct = default);
}
