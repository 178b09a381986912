using System.Diagnostics;
using MeetingRoom.Web;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Bench;

/// <summary>
/// Creates bench-admin@bench.local (Admin + Member) and member{i}@bench.local (Member) directly in
/// the app's SQLite file (or, with --pg, a PostgreSQL database) through Identity's UserManager, before the app starts. The password hash
/// is computed once (with the run's lowered PBKDF2 iteration count) and reused, so 1,000 members
/// take seconds instead of a create-admin process each. Bench-only: no app code changes.
/// </summary>
public static class Seed
{
    public static string MemberEmail(int i) => $"member{i}@bench.local";
    public const string AdminEmail = "bench-admin@bench.local";

    public static async Task<int> RunAsync(Args a)
    {
        // --db PATH: the app's SQLite file; or --pg CONNECTION: a PostgreSQL database (Database:Provider=PostgreSql).
        var pg = a.Get("--pg");
        var db = pg is null ? Path.GetFullPath(a.Req("--db")) : null;
        var members = a.Int("--members", 1000);
        var password = Environment.GetEnvironmentVariable("BENCH_PASSWORD") ?? throw new ArgumentException("BENCH_PASSWORD not set");
        var sw = Stopwatch.StartNew();

        var app = MeetingRoomApp.Create(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = db is null ? Path.GetTempPath() : Path.GetDirectoryName(db),
            Args = pg is null
                ? [$"--ConnectionStrings:MeetingRoom=Data Source={db}", "--Identity:PasswordHasher:IterationCount=1000", "--Logging:LogLevel:Default=Warning"]
                : ["--Database:Provider=PostgreSql", $"--ConnectionStrings:MeetingRoom={pg}", "--Identity:PasswordHasher:IterationCount=1000", "--Logging:LogLevel:Default=Warning",
                   // EF's first look at a fresh database (no __EFMigrationsHistory yet) is logged as a failed command: expected
                   "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=None"],
        });
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var ctx = sp.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(ctx, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, default);
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Roles.Member, Roles.Admin })
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var hasher = sp.GetRequiredService<IPasswordHasher<AppUser>>();
        var hash = hasher.HashPassword(new AppUser(), password);

        async Task Create(string email, string name, params string[] inRoles)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PasswordHash = hash };
            Check(await users.CreateAsync(user), email);
            Check(await users.AddToRolesAsync(user, inRoles), email);
        }

        if (await users.FindByEmailAsync(AdminEmail) is null) await Create(AdminEmail, "Bench Admin", Roles.Admin, Roles.Member);
        var existing = await ctx.Users.CountAsync();
        for (var i = existing; i <= members; i++) // existing includes the admin
            await Create(MemberEmail(i), $"Member {i}", Roles.Member);
        Json.Log($"seed: {await ctx.Users.CountAsync()} users in {sw.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static void Check(IdentityResult r, string email)
    {
        if (!r.Succeeded) throw new InvalidOperationException($"{email}: {string.Join("; ", r.Errors.Select(e => e.Description))}");
    }
}
