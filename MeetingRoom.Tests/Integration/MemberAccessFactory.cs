using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Members.Access;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The app for the deactivation and API token tests: cookies and open pages are revalidated every second
/// (<c>Auth:RevalidateSeconds</c> = 1; the cookie's check follows the test clock), and helpers that act as the member
/// administration does (it calls <see cref="MemberDeactivation"/>).
/// </summary>
public class MemberAccessFactory : MeetingRoomFactory
{
    public const int RevalidateSeconds = 1;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:RevalidateSeconds", RevalidateSeconds.ToString());
    }

    /// <summary>The account behind a client signed in by <see cref="MeetingRoomFactory.SignInNewAsync"/>.</summary>
    public async Task<AppUser> AccountAsync(ApiClient client) => await AccountAsync(client.Email!);

    public async Task<AppUser> AccountAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>The admin behind a client, as the domain sees them.</summary>
    public async Task<Actor> AdminAsync(ApiClient admin) => Actor.Admin((await AccountAsync(admin)).Id);

    public async Task<AppResult<DeactivationDone>> DeactivateAsync(Actor admin, string memberId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberDeactivation>().DeactivateAsync(admin, memberId);
    }

    public async Task<AppResult<string>> ReactivateAsync(Actor admin, string memberId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberDeactivation>().ReactivateAsync(admin, memberId);
    }

    /// <summary>Runs <paramref name="work"/> on a fresh database context of the app.</summary>
    public async Task<T> InDatabaseAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// A client signed in with the sign-in cookie (<c>/api/auth/login?useCookies=true</c>), sending it by hand: the
    /// cookie's expiry follows the test clock (November 2026), which an HttpClient's cookie container would judge
    /// by the real one.
    /// </summary>
    public async Task<HttpClient> SignInWithCookieAsync(string email, string password = Password)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password });
        await response.ShouldBe(System.Net.HttpStatusCode.OK);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MeetingRoom.Auth=", StringComparison.Ordinal)).Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Moves the test clock past the cookie's revalidation interval (the cookie handler and its validator follow it).</summary>
    public void PassRevalidationInterval() => Clock.Advance(TimeSpan.FromSeconds(RevalidateSeconds + 1));

    /// <summary>The member's status straight from the database.</summary>
    public Task<MeetingRoom.Domain.Members.MemberStatus> StatusAsync(string memberId) =>
        InDatabaseAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.Status).SingleAsync());
}
