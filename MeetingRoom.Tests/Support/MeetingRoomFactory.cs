using System.Net.Http.Headers;
using System.Net.Http.Json;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// The real app over HTTP (in-memory server) on a real database, with a <see cref="TestClock"/> for "now".
/// Starts at Monday 2026-11-23 10:05 in Asia/Seoul, when the 10:00–11:50 period is open under the default
/// rule. One per test class. The database is a SQLite file in a fresh temp folder, or, when the environment
/// variable <see cref="DatabaseVariable"/> is <c>PostgreSql</c>, a fresh database on the test run's
/// throw-away cluster (<see cref="PostgresServer.Shared"/>) named after <see cref="Folder"/>.
/// </summary>
public class MeetingRoomFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultNow = DateTimeOffset.Parse("2026-11-23T10:05:00+09:00");
    public const string Today = "2026-11-23";
    public const string Password = "Test-password-1";

    /// <summary>Environment variable that chooses the tests' database: unset or <c>Sqlite</c>, or <c>PostgreSql</c>.</summary>
    public const string DatabaseVariable = "MEETINGROOM_TEST_DATABASE";

    /// <summary>True when this test run uses PostgreSQL (<see cref="DatabaseVariable"/>).</summary>
    public static bool OnPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable(DatabaseVariable), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Folder of the SQLite file (on PostgreSQL: names the database); give two factories the same one to restart the app on one database.</summary>
    public string Folder { get; init; } = Path.Combine(Path.GetTempPath(), "meetingroom-tests", Guid.NewGuid().ToString("N"));
    /// <summary>Leave the database when disposed (for a restart test).</summary>
    public bool KeepDatabase { get; init; }
    private int _users;

    public TestClock Clock { get; init; } = new(DefaultNow);
    public string DatabasePath => Path.Combine(Folder, "meetingroom.db");

    /// <summary>The PostgreSQL database of this factory (derived from <see cref="Folder"/>); only meaningful when <see cref="OnPostgreSql"/>.</summary>
    public string PostgresDatabase => "mr_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(Folder)))[..24].ToLowerInvariant();

    /// <summary>The connection string the app uses: the SQLite file, or the PostgreSQL database (created on first use).</summary>
    public string ConnectionString => OnPostgreSql
        ? PostgresServer.Shared.EnsureDatabaseAsync(PostgresDatabase).GetAwaiter().GetResult()
        : $"Data Source={DatabasePath}";
    protected virtual string EnvironmentName => "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (OnPostgreSql) builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("ConnectionStrings:MeetingRoom", ConnectionString);
        builder.UseSetting("Identity:PasswordHasher:IterationCount", "1000"); // fast sign-in for hundreds of test members
        builder.UseSetting("SignInRateLimit:PermitLimit", "0"); // hundreds of test members sign in from one client (SecurityTests set a limit)
        builder.UseSetting("Drain:DelaySeconds", "0"); // no load balancer to leave
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Tokens are issued and checked against the test clock, which tests move by days.
            services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromDays(365));
        });
    }

    /// <summary>An HTTP client signed in (bearer token) as a new member, or admin.</summary>
    public async Task<ApiClient> SignInNewAsync(bool admin = false, string? name = null)
    {
        var n = Interlocked.Increment(ref _users);
        var email = $"{(admin ? "admin" : "member")}{n}@test.local";
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await UserAccounts.EnsureAsync(users, email, name ?? $"Test {(admin ? "Admin" : "Member")} {n}", Password,
                admin ? [Roles.Admin, Roles.Member] : [Roles.Member], resetPassword: false);
        }
        return await SignInAsync(email, Password);
    }

    /// <summary>An HTTP client signed in as a new account that holds no role (neither Member nor Admin).</summary>
    public async Task<ApiClient> SignInWithoutRoleAsync()
    {
        var email = $"norole{Interlocked.Increment(ref _users)}@test.local";
        await using (var scope = Services.CreateAsyncScope())
            await UserAccounts.EnsureAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "No Role", Password, [], resetPassword: false);
        return await SignInAsync(email, Password);
    }

    public async Task<ApiClient> SignInAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return new ApiClient(client, email);
    }

    public ApiClient Anonymous() => new(CreateClient(), null);

    /// <summary>
    /// Waits until <paramref name="handler"/> has applied every outbox message written so far (the
    /// read side is eventually consistent). Fails after <paramref name="timeout"/> (default 15 s).
    /// </summary>
    public async Task WaitForHandlerAsync(string handler = ScheduleProjection.HandlerName, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            await using (var scope = Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var last = await db.Outbox.MaxAsync(m => (long?)m.Id) ?? 0;
                var done = await db.OutboxCursors.Where(c => c.Handler == handler).Select(c => (long?)c.LastMessageId).FirstOrDefaultAsync() ?? 0;
                if (done >= last) return;
            }
            try { await Task.Delay(20, cts.Token); }
            catch (OperationCanceledException) { Assert.Fail($"The {handler} handler did not catch up with the outbox in time."); }
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepDatabase) return;
        if (OnPostgreSql)
            PostgresServer.Shared.DropDatabaseAsync(PostgresDatabase).GetAwaiter().GetResult();
        else
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
