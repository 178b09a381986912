using System.Collections.Concurrent;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Infrastructure;

/// <summary>
/// Several change feeds on one database (as several instances are) apply every outbox message once, in order: each
/// claims the stored handlers' cursor rows (one statement) before applying.
/// </summary>
public sealed class ChangeFeedClaimTests(ChangeFeedClaimTests.CountingApp app) : IClassFixture<ChangeFeedClaimTests.CountingApp>
{
    /// <summary>The app with a handler that records every message it applied (committed or not).</summary>
    public sealed class CountingApp : MeetingRoomFactory
    {
        public ConcurrentQueue<long> Applied { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddScoped<IOutboxHandler>(_ => new CountingHandler(Applied)));
        }
    }

    private sealed class CountingHandler(ConcurrentQueue<long> applied) : IOutboxHandler
    {
        public const string HandlerName = "counting";
        public string Name => HandlerName;
        public Task ApplyAsync(AppDbContext db, long messageId, IDomainEvent domainEvent, CancellationToken ct)
        {
            applied.Enqueue(messageId);
            return Task.CompletedTask;
        }
        public Task AfterCommitAsync(CancellationToken ct) => Task.CompletedTask;
    }

    [Fact]
    public async Task Three_change_feeds_racing_apply_each_message_once_in_order()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var rooms = new List<int>();
        for (var i = 0; i < 10; i++) rooms.Add(await admin.CreateRoomAsync($"Claimed room {i}"));
        // Two more change feeds beside the app's own, each looping as fast as it can while the events are written.
        var others = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<ChangeFeed>(app.Services)).ToList();
        using var stop = new CancellationTokenSource();
        var racing = others.Select(d => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) await d.RunPassAsync(CancellationToken.None);
        })).ToList();

        foreach (var room in rooms)
        {
            var booking = await member.BookOkAsync(room, Today, "10:00");
            await member.PostAsync($"/api/bookings/{booking}/cancel");
        }
        await app.WaitForHandlerAsync(CountingHandler.HandlerName);
        await stop.CancelAsync();
        await Task.WhenAll(racing);

        long[] written;
        await using (var scope = app.Services.CreateAsyncScope())
            written = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.OrderBy(m => m.Id).Select(m => m.Id).ToArrayAsync();
        Assert.Equal(written, app.Applied.ToArray());
    }
}
