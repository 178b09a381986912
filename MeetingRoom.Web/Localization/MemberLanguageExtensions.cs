using System.Globalization;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Localization;

/// <summary>Helpers over <see cref="IMemberLanguage"/>.</summary>
public static class MemberLanguageExtensions
{
    /// <summary>The member's language as a culture, to write their text in (<see cref="UiCulture.Run{T}"/>).</summary>
    public static async Task<CultureInfo> CultureForAsync(this IMemberLanguage languages, string memberId, CancellationToken ct = default) =>
        CultureInfo.GetCultureInfo(await languages.ForAsync(memberId, ct));
}
