using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Sso;

/// <summary>The end of a single sign-on: the member now signed in, or the stable code of the refusal (<see cref="SignOnErrors"/>).</summary>
public sealed record SignOnResult(AppUser? Member, string? Error)
{
    public bool Succeeded => Error is null;
}
