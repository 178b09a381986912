using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Infrastructure.Identity;

/// <summary>
/// The <c>create-admin --email ADDRESS [--name "Display Name"]</c> verb, for production set-up.
/// The password comes from the environment variable <see cref="PasswordVariable"/> (never the
/// command line, which other users can see). Creates the account, or updates its password and
/// roles if it exists. Exit code 0 on success, 1 on error, 2 on bad usage.
/// </summary>
public static class CreateAdminCommand
{
    public const string Verb = "create-admin";
    public const string PasswordVariable = "MEETINGROOM_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var email = Option("--email");
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            Console.Error.WriteLine($"usage: {PasswordVariable}=… MeetingRoom.Web {Verb} --email admin@example.com [--name \"Display Name\"]");
            return 2;
        }

        var app = MeetingRoomApp.Create(new WebApplicationOptions { Args = args.Where(a => a != Verb).ToArray() });
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value, default);
        await UserAccounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        try
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await UserAccounts.EnsureAsync(users, email, Option("--name") ?? email, password, [Roles.Admin, Roles.Member], resetPassword: true);
            Console.WriteLine(created ? $"Created admin {email}." : $"Updated admin {email}.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
