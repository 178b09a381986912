using Microsoft.AspNetCore.Identity;

namespace MeetingRoom.Web.Infrastructure.Identity;

/// <summary>Creating accounts with roles: used by the demo data, the <c>create-admin</c> verb and test fixtures.</summary>
public static class UserAccounts
{
    /// <summary>Creates the Member and Admin roles that are missing.</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in new[] { Roles.Member, Roles.Admin })
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>Creates the account if missing; with a configured password, keeps an existing account's password equal to it.</summary>
    /// <returns>true when the account was created.</returns>
    public static async Task<bool> EnsureAsync(UserManager<AppUser> users, string email, string displayName, string password,
        string[] roles, bool resetPassword)
    {
        var user = await users.FindByEmailAsync(email);
        var created = false;
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            Check(await users.CreateAsync(user, password), email);
            created = true;
        }
        else if (resetPassword && !await users.CheckPasswordAsync(user, password))
        {
            Check(await users.RemovePasswordAsync(user), email);
            Check(await users.AddPasswordAsync(user, password), email);
        }
        foreach (var role in roles)
            if (!await users.IsInRoleAsync(user, role))
                Check(await users.AddToRoleAsync(user, role), email);
        return created;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not set up {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
