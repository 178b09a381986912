using System.Security.Cryptography;
using System.Text;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// Password-reset codes: <see cref="AccountLinkOptions.PasswordResetLifetime"/> (2 hours). Registered as
/// <see cref="Name"/> and made Identity's <c>Tokens.PasswordResetTokenProvider</c>, so <c>/api/auth/forgotPassword</c>,
/// <c>/api/auth/resetPassword</c> and the pages all use it.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<AccountLinkOptions> options)
    : ClockedTokenProvider(protection, clock, Name)
{
    public const string Name = "PasswordReset";
    protected override TimeSpan Lifetime => options.Value.PasswordResetLifetime;
}
