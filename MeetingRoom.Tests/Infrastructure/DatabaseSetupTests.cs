using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Infrastructure;

/// <summary>How each provider is registered (no server is contacted).</summary>
[Trait("Database", "None")]
public sealed class DatabaseSetupTests
{
    private static AppDbContext ContextFor(string provider, string connection)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:MeetingRoom"] = connection,
        }).Build();
        var services = new ServiceCollection().AddSingleton<OutboxSignal>().AddSingleton<OutboxSignalInterceptor>()
            .AddSingleton(TimeProvider.System).AddSingleton<HeldSlots>().AddSingleton<HeldSlotsEvictor>();
        services.AddMeetingRoomDatabase(config, Path.GetTempPath());
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();
    }

    [Theory]
    [InlineData("SqlServer", "Server=db;Database=MeetingRoom;User Id=x;Password=y;TrustServerCertificate=True")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Database=meetingroom;Username=x")]
    public void Server_providers_use_no_retrying_strategy_that_would_refuse_the_outbox_transactions(string provider, string connection)
    {
        using var db = ContextFor(provider, connection);

        Assert.False(db.Database.CreateExecutionStrategy().RetriesOnFailure);
    }
}
