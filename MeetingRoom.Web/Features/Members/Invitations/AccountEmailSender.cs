using System.Text;
using System.Threading.Channels;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Notifications.Email;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// Identity's mail sender (<c>IEmailSender&lt;AppUser&gt;</c>), which <c>MapIdentityApi</c> resolves once at start-up:
/// <c>/api/auth/forgotPassword</c> hands it the reset code, and it queues the reset mail through
/// <see cref="PasswordResetService.Queue"/>. Confirmation mails are not sent: accounts are created with a confirmed
/// address (an admin invited it, or the identity provider vouched for it). Singleton.
/// </summary>
public sealed class AccountEmailSender(IServiceScopeFactory scopes, IHttpContextAccessor http) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) => Task.CompletedTask;

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) => Task.CompletedTask;

    public async Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode)
    {
        if (http.HttpContext?.RequestServices is { } services)
        {
            services.GetRequiredService<PasswordResetService>().Queue(user, resetCode);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PasswordResetService>().Queue(user, resetCode);
    }
}
