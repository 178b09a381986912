using System.Net;
using MeetingRoom.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MeetingRoom.Tests.Infrastructure;

/// <summary>On shutdown an instance turns not-ready first and keeps serving for the drain delay (N4).</summary>
public sealed class InstanceDrainTests
{
    private sealed class DrainingApp : MeetingRoomFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Drain:DelaySeconds", "3");
        }
    }

    [Fact]
    public async Task A_stopping_instance_answers_not_ready_and_closes_connections_while_still_serving()
    {
        using var app = new DrainingApp();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        var stopping = Task.Run(() => app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication());
        HttpResponseMessage ready;
        var tries = 0;
        do ready = await client.GetAsync("/health/ready");
        while (ready.StatusCode == HttpStatusCode.OK && ++tries < 1000 && !await Delay());
        var served = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.True(served.Headers.ConnectionClose);
        await stopping;
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(5);
        return false;
    }
}
