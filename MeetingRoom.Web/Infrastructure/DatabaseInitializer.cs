using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Infrastructure;

/// <summary>
/// Runs before the app starts serving: applies migrations, makes sure the roles and the site
/// settings row exist, and in Development (with Demo:Enabled) adds the demo accounts and rooms.
/// Readiness (/health/ready) answers only after this finished, since it checks the database.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceProvider services, IOptions<DatabaseOptions> database, IOptions<DemoOptions> demo,
    IHostEnvironment environment, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db, database.Value, ct);

        await UserAccounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        if (!db.SiteSettings.Any())
        {
            db.SiteSettings.Add(new SiteSettings());
            await db.SaveChangesAsync(ct);
        }

        if (environment.IsDevelopment() && demo.Value.Enabled)
            await DemoData.SeedAsync(scope.ServiceProvider, demo.Value, logger, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
