using MeetingRoom.Web.Infrastructure.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace MeetingRoom.Tests.Infrastructure.Observability;

/// <summary>Issue 24: records written outside any request (background services) name the instance too.</summary>
public sealed class InstanceLogScopeTests
{
    [Fact]
    public async Task A_background_service_record_carries_the_instance_name()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Instance:Name"] = "web-7";
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging();
        builder.Services.AddHostedService<LogsOnceThenStops>();
        var host = builder.Build();
        var logs = host.Services.GetFakeLogCollector();

        await InstanceLogScope.RunAsync(host); // returns when the service has stopped the host (and disposes it)

        var record = Assert.Single(logs.GetSnapshot(), r => r.Message == LogsOnceThenStops.Message);
        var instance = record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s)
            .Single(p => p.Key == "Instance").Value;
        Assert.Equal("web-7", instance);
    }

    private sealed class LogsOnceThenStops(ILogger<LogsOnceThenStops> logger, IHostApplicationLifetime lifetime) : BackgroundService
    {
        public const string Message = "background work";

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            logger.LogInformation(Message);
            lifetime.StopApplication();
        }
    }
}
