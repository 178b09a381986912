using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// What the profile page shows of the signed-in member: name and email; <paramref name="HasPassword"/> (false for a
/// member who signs in through single sign-on only); <paramref name="Language"/>, the language they chose (null: never
/// chose — the site's default applies to what is sent to them); <paramref name="LocalAccounts"/>, whether passwords are on.
/// </summary>
public sealed record ProfileDto(string Name, string Email, bool HasPassword, string? Language, bool LocalAccounts);
