using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// The app with a <see cref="SqlCommandCounter"/> on every <c>AppDbContext</c> (SQLite, or PostgreSQL in the
/// PostgreSQL run) and e-mail delivery off (its own loop is not the change feed's).
/// </summary>
public class SqlCountingFactory : MeetingRoomFactory
{
    public SqlCommandCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Enabled", "false");
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Counter));
            services.ConfigureDbContext<PostgreSqlAppDbContext>(o => o.AddInterceptors(Counter));
        });
    }
}
