using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// The real app (database, outbox, projections, notifiers) on a <see cref="FakeTimeProvider"/> that the
/// test only moves forward, for bunit tests of live components: <see cref="AddTo"/> gives a bunit context
/// the app's notifiers, its services (through <see cref="ServiceRunner"/>) and the same clock.
/// </summary>
public sealed class LiveComponentApp(DateTimeOffset start) : MeetingRoomFactory
{
    public FakeTimeProvider Time { get; } = new(start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time)); // the last registration wins
    }

    /// <summary>Registers what the components use from the app in a bunit context's services.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Services.GetRequiredService<ScheduleNotifier>());
        services.AddSingleton(Services.GetRequiredService<NotificationNotifier>());
        services.AddSingleton(new ServiceRunner(Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System));
        services.AddSingleton(Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BoardOptions>>());
        services.AddLogging();
        services.AddHttpContextAccessor(); // no request in bunit: a page that sets its prerender's status finds none
    }

    /// <summary>The account id of a member signed in through <see cref="MeetingRoomFactory.SignInNewAsync"/>.</summary>
    public async Task<string> UserIdAsync(ApiClient client)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(client.Email!);
        return user!.Id;
    }
}
