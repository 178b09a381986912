using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// Invitations, password reset by email and the profile (issue 20, item 4; see <see cref="MembersSetup"/>): the token
/// providers of mailed links, the account mails, the reset-mail sender Identity's API uses, and the services of the
/// pages <c>/Account/AcceptInvitation</c>, <c>/Account/ForgotPassword</c>, <c>/Account/ResetPassword</c>,
/// <c>/Account/ChangePassword</c> and <c>/account/profile</c>.
/// </summary>
public static class InvitationsSetup
{
    /// <summary>Where the profile page is (the navigation links to it).</summary>
    public const string ProfilePath = "/account/profile";

    /// <summary>Re-issues the sign-in cookie from the account (after a rename), then returns to <c>returnUrl</c>.</summary>
    public const string RefreshSignInPath = "/Account/RefreshSignIn";

    public static void AddInvitations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<AccountLinkOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        services.Configure<PublicUrlOptions>(builder.Configuration.GetSection(PublicUrlOptions.Section));
        services.AddHttpContextAccessor();

        // Mailed links: Identity token providers on the app's clock (see ClockedTokenProvider).
        services.AddTransient<InvitationTokenProvider>();
        services.AddTransient<PasswordResetTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[InvitationTokenProvider.Name] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            o.Tokens.ProviderMap[PasswordResetTokenProvider.Name] = new TokenProviderDescriptor(typeof(PasswordResetTokenProvider));
            o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.Name;
        });

        services.AddSingleton<SiteAddress>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<AccountMailWriter>(); // used by the "email" outbox handler (EmailProjection)
        services.AddScoped<InvitationService>();
        services.AddScoped<PasswordResetService>();
        services.AddScoped<ProfileService>();
        services.AddSingleton<ResetMailQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ResetMailQueue>());
        // /api/auth/forgotPassword mails through this (AddIdentityApiEndpoints registered a sender that sends nothing).
        services.Replace(ServiceDescriptor.Singleton<IEmailSender<AppUser>, AccountEmailSender>());
    }

    /// <summary>
    /// <c>GET /Account/RefreshSignIn?returnUrl=…</c> (signed-in members): re-issues this browser's sign-in cookie from the
    /// account — so a new display name shows at once — when the cookie's security stamp is still the account's (a cookie
    /// of a session the member ended by changing their password is not renewed). And the middleware that remembers the
    /// site's address from admins' page requests (<see cref="SiteAddress"/>), for links mailed from circuits.
    /// </summary>
    public static void MapInvitations(this WebApplication app)
    {
        SiteAddress.UseSiteAddress(app);
        app.MapGet(RefreshSignInPath, async (string? returnUrl, HttpContext http, SignInManager<AppUser> signIn) =>
            {
                if (await signIn.ValidateSecurityStampAsync(http.User) is { } user) await signIn.RefreshSignInAsync(user);
                return TypedResults.LocalRedirect(LocalUrl.IsLocal(returnUrl) ? returnUrl! : ProfilePath);
            })
            .RequireAuthorization(PagePolicies.Member)
            .ExcludeFromDescription();
    }
}
