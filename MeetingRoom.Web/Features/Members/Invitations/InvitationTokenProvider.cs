using System.Security.Cryptography;
using System.Text;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>Invitation links: <see cref="AccountLinkOptions.InvitationLifetime"/> (7 days). Registered as <see cref="Name"/>.</summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<AccountLinkOptions> options)
    : ClockedTokenProvider(protection, clock, Name)
{
    public const string Name = "Invitation";
    /// <summary>The purpose an invitation token is made for.</summary>
    public const string Purpose = "accept-invitation";
    protected override TimeSpan Lifetime => options.Value.InvitationLifetime;
}
