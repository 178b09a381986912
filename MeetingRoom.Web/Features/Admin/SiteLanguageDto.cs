using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>
/// <c>GET/PUT /api/admin/language</c> body (D4): the site's default language, a name of
/// <see cref="SiteCultures.Supported"/> ("ko" or "en"). People read it when neither <c>?lang=</c>, their own choice nor
/// their browser names a supported language; the wall and door displays speak it.
/// </summary>
public sealed record SiteLanguageDto(string? DefaultLanguage);
