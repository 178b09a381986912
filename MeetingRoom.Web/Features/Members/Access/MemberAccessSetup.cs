using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>
/// Services and endpoints of this part of P1 (see <see cref="MembersSetup"/>): deactivation (<see cref="MemberDeactivation"/>),
/// revocation of every way in within <c>Auth:RevalidateSeconds</c> (the sign-in cookie's security stamp validation and
/// <see cref="MemberSessionRevalidation"/> for open pages), and personal API tokens (<see cref="ApiTokenService"/>,
/// <see cref="ApiTokenAuthenticator"/>, <see cref="ApiTokenEndpoints"/>).
/// </summary>
public static class MemberAccessSetup
{
    public static void AddMemberAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<MemberAccessOptions>(builder.Configuration.GetSection(MemberAccessOptions.Section));
        // The sign-in cookie is checked against its account (stamp and status: AppSignInManager) this often.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<MemberAccessOptions>>((o, access) => o.ValidationInterval = access.Value.RevalidateInterval);
        services.AddScoped<MemberDeactivation>();
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<ApiTokenAuthenticator>();
        // Open pages: the framework registers its plain provider with TryAdd (after this), so this one is used.
        services.AddScoped<AuthenticationStateProvider, MemberSessionRevalidation>();
    }

    public static void MapMemberAccess(this WebApplication app) => app.MapApiTokenEndpoints();
}
