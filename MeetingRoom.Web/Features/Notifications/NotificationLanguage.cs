using System.Globalization;
using MeetingRoom.Web.Localization;

namespace MeetingRoom.Web.Features.Notifications;

/// <summary>
/// The language what is sent to a member (email, its calendar attachment) is written in: the member's chosen
/// language, else the site default. The in-app notifications need none: they are worded when read.
/// </summary>
public interface INotificationLanguage
{
    /// <summary>The culture to write <paramref name="memberId"/>'s messages in (a supported language, e.g. "ko").</summary>
    Task<CultureInfo> CultureForAsync(string memberId, CancellationToken ct = default);
}

/// <summary>Until members' languages are known: the neutral language (<see cref="SiteCultures.Neutral"/>, English) for everyone.</summary>
public sealed class NeutralNotificationLanguage : INotificationLanguage
{
    public Task<CultureInfo> CultureForAsync(string memberId, CancellationToken ct = default) =>
        Task.FromResult(CultureInfo.GetCultureInfo(SiteCultures.Neutral));
}
