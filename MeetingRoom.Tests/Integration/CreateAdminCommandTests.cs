using System.Net;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;

namespace MeetingRoom.Tests.Integration;

/// <summary>The production <c>create-admin</c> verb: password from the environment, never the command line.</summary>
[Collection(nameof(EnvironmentVariableCollection))]
public sealed class CreateAdminCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meetingroom-tests", Guid.NewGuid().ToString("N"));
    private string? _postgresDatabase;

    /// <summary>A SQLite file of its own, or on PostgreSQL a fresh database of its own.</summary>
    private string Connection => MeetingRoomFactory.OnPostgreSql
        ? PostgresServer.Shared.EnsureDatabaseAsync(_postgresDatabase ??= "mr_admin_" + Guid.NewGuid().ToString("N")).GetAwaiter().GetResult()
        : $"Data Source={Path.Combine(_folder, "admin.db")}";

    private string[] ProviderArgs => MeetingRoomFactory.OnPostgreSql ? ["--Database:Provider", "PostgreSql"] : [];

    [Fact]
    public async Task Create_admin_makes_an_account_that_can_use_admin_endpoints()
    {
        Environment.SetEnvironmentVariable(CreateAdminCommand.PasswordVariable, "Prod-admin-pass-1");
        try
        {
            var exit = await CreateAdminCommand.RunAsync(["create-admin", "--email", "ops@example.com", "--ConnectionStrings:MeetingRoom", Connection, .. ProviderArgs]);
            Assert.Equal(0, exit);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CreateAdminCommand.PasswordVariable, null);
        }

        using var app = new FactoryOn(Connection);
        var admin = await app.SignInAsync("ops@example.com", "Prod-admin-pass-1");
        await (await admin.GetAsync("/api/admin/timetable")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Create_admin_without_the_password_variable_is_a_usage_error()
    {
        Environment.SetEnvironmentVariable(CreateAdminCommand.PasswordVariable, null);
        Assert.Equal(2, await CreateAdminCommand.RunAsync(["create-admin", "--email", "ops@example.com"]));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
        if (_postgresDatabase is not null) PostgresServer.Shared.DropDatabaseAsync(_postgresDatabase).GetAwaiter().GetResult();
    }

    private sealed class FactoryOn(string connection) : MeetingRoomFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:MeetingRoom", connection);
        }
    }
}

/// <summary>Tests that set process environment variables run one at a time.</summary>
[CollectionDefinition(nameof(EnvironmentVariableCollection), DisableParallelization = true)]
public sealed class EnvironmentVariableCollection;
