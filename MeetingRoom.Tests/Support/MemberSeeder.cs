using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Support;

/// <summary>A member to put straight into the database (no password unless <see cref="WithPassword"/>).</summary>
public sealed record SeedMember(string Email, string Name, MemberStatus Status = MemberStatus.Active, bool Admin = false,
    bool WithPassword = true, string? ExternalLogin = null, DateTimeOffset? LastSignInAt = null);

/// <summary>
/// Members inserted in bulk through the app's DbContext (AspNetUsers, AspNetUserRoles, AspNetUserLogins), not one
/// UserManager call each: 10,000 members in a couple of seconds. Emails and user names are normalized as Identity
/// does (upper invariant), so the app finds them as if UserManager had created them. They cannot sign in with a
/// password (the hash is a placeholder) unless created through <see cref="MeetingRoomFactory.SignInNewAsync"/>.
/// </summary>
public static class MemberSeeder
{
    /// <summary>Inserts <paramref name="members"/>; returns their account ids in the same order.</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, IReadOnlyList<SeedMember> members)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await UserAccounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var ids = new List<string>(members.Count);
        foreach (var chunk in members.Chunk(2000))
        {
            foreach (var m in chunk)
            {
                var user = new AppUser
                {
                    UserName = m.Email, NormalizedUserName = m.Email.ToUpperInvariant(),
                    Email = m.Email, NormalizedEmail = m.Email.ToUpperInvariant(), EmailConfirmed = true,
                    DisplayName = m.Name, Status = m.Status, LastSignInAt = m.LastSignInAt,
                    PasswordHash = m.WithPassword ? "seeded-no-sign-in" : null,
                    SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[Roles.Member] });
                if (m.Admin) db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[Roles.Admin] });
                if (m.ExternalLogin is { } login)
                    db.UserLogins.Add(new IdentityUserLogin<string> { UserId = user.Id, LoginProvider = "oidc", ProviderKey = login, ProviderDisplayName = "SSO" });
                ids.Add(user.Id);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return ids;
    }

    /// <summary>Sets a member's status straight in the database (the deactivation and invitation parts do it for real).</summary>
    public static async Task SetStatusAsync(IServiceProvider services, string email, MemberStatus status)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var normalized = email.ToUpperInvariant();
        await db.Users.Where(u => u.NormalizedEmail == normalized).ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, status));
    }

    /// <summary>The account id of <paramref name="email"/>.</summary>
    public static async Task<string> IdOfAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var normalized = email.ToUpperInvariant();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users
            .Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync();
    }
}
