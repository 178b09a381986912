using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web;
using MeetingRoom.Web.Features.Members.Access;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.ScaleOut;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MeetingRoom.Tests.ScaleOut;

/// <summary>
/// Issue 20 on two instances (PostgreSQL + Redis, see <see cref="ScaleOutCluster"/>; <c>Auth:RevalidateSeconds</c> is 2
/// there): a member deactivated through A loses, on B and within the minute, their sign-in cookie, bearer access
/// token, refresh token and API token, an open page on B goes to the sign-in page, and their bookings show free on
/// B's schedule.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class DeactivationScaleOutTests(ScaleOutCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_member_deactivated_through_A_loses_every_way_in_on_B_within_a_minute_and_their_slots_free_there()
    {
        var email = $"leaver-{Guid.NewGuid():N}@test.local";
        await using var writer = await ClusterWriter.StartAsync(cluster.DatabaseConnection, cluster.Redis.ConnectionString);
        var memberId = await writer.CreateMemberAsync(email);
        var date = ScaleOutCluster.Day(8);
        var start = cluster.PeriodStarts[2];
        var rooms = cluster.RoomIds.Take(2).ToList();

        // The member's ways in, on B; bookings made through A.
        using var onA = await ScaleOutCluster.SignInAsync(cluster.A.BaseUrl, email);
        using var loginOnB = new HttpClient { BaseAddress = new Uri(cluster.B.BaseUrl) };
        var tokens = await (await loginOnB.PostAsJsonAsync("/api/auth/login", new { email, password = ScaleOutCluster.Password })).Content.ReadFromJsonAsync<JsonElement>();
        using var bearerOnB = WithBearer(cluster.B.BaseUrl, tokens.GetProperty("accessToken").GetString()!);
        var apiToken = (await (await onA.PostAsJsonAsync("/api/me/api-tokens", new { name = "scale-out script" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("token").GetString()!;
        using var apiTokenOnB = WithBearer(cluster.B.BaseUrl, apiToken);
        using var cookieOnB = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(cluster.B.BaseUrl) };
        (await cookieOnB.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = ScaleOutCluster.Password })).EnsureSuccessStatusCode();
        var booked = new List<Guid>();
        foreach (var room in rooms)
        {
            var response = await onA.PostAsJsonAsync("/api/bookings", new { roomId = room, date, start });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            booked.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        using var adminOnB = await ScaleOutCluster.SignInAsync(cluster.B.BaseUrl, "admin@demo.local");
        await EventuallyAsync("the bookings on B's schedule", async () => (await BookingIdsOnAsync(adminOnB, date, rooms, start)).Count == booked.Count);
        foreach (var client in new[] { bearerOnB, apiTokenOnB, cookieOnB })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me/bookings")).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{cluster.B.BaseUrl}/Account/Login?returnUrl=%2Fmy-bookings");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", ScaleOutCluster.Password);
        await page.ClickAsync("[data-testid=sign-in]");
        // Commit, not load: under CI load the load event of a page that opens its circuit can come late, and the
        // circuit's own marker is what this test needs.
        await page.WaitForURLAsync(url => url.Contains("/my-bookings"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.WaitForSelectorAsync("[data-interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });

        var clock = Stopwatch.StartNew();
        await DeactivateThroughAAsync(memberId);

        var refresh = await loginOnB.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        var seen = new Dictionary<string, long>();
        await Task.WhenAll(
            RefusedAsync("bearer token", bearerOnB, seen, clock),
            RefusedAsync("API token", apiTokenOnB, seen, clock),
            RefusedAsync("cookie", cookieOnB, seen, clock),
            Task.Run(async () =>
            {
                await page.WaitForURLAsync(url => url.Contains("/Account/Login"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = (float)Minute.TotalMilliseconds });
                lock (seen) seen["open page"] = clock.ElapsedMilliseconds;
            }),
            Task.Run(async () =>
            {
                await EventuallyAsync("the slots free on B's schedule", async () => (await BookingIdsOnAsync(adminOnB, date, rooms, start)).Count == 0);
                lock (seen) seen["slots free on B"] = clock.ElapsedMilliseconds;
            }));
        output.WriteLine("after the deactivation through A, on B: refresh token refused at once; " + string.Join(", ", seen.OrderBy(s => s.Value).Select(s => $"{s.Key} {s.Value} ms")));

        Assert.Equal("Open", (await CellsOnAsync(adminOnB, date, rooms, start)).Select(c => c.GetProperty("state").GetString()).Distinct().Single());
        await page.WaitForSelectorAsync("[data-testid=sign-in]");
        await page.GotoAsync($"{cluster.B.BaseUrl}/my-bookings");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit }); // the cookie no longer opens a member page
        using var again = new HttpClient { BaseAddress = new Uri(cluster.B.BaseUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.PostAsJsonAsync("/api/auth/login", new { email, password = ScaleOutCluster.Password })).StatusCode);
    }

    /// <summary>Through A's admin API (<c>POST /api/admin/members/{id}/deactivate</c>).</summary>
    private async Task DeactivateThroughAAsync(string memberId)
    {
        using var admin = await ScaleOutCluster.SignInAsync(cluster.A.BaseUrl, "admin@demo.local");
        var response = await admin.PostAsync($"/api/admin/members/{memberId}/deactivate", null);
        Assert.True(response.IsSuccessStatusCode, $"A refused the deactivation: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task RefusedAsync(string what, HttpClient client, Dictionary<string, long> seen, Stopwatch clock)
    {
        await EventuallyAsync($"the {what} refused on B", async () => (await client.GetAsync("/api/me/bookings")).StatusCode == HttpStatusCode.Unauthorized);
        lock (seen) seen[what] = clock.ElapsedMilliseconds;
    }

    private async Task EventuallyAsync(string what, Func<Task<bool>> done)
    {
        var until = DateTime.UtcNow + Minute;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < until, $"Not within a minute: {what}.\n{cluster.Logs}");
            await Task.Delay(250);
        }
    }

    private static HttpClient WithBearer(string baseUrl, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<List<JsonElement>> CellsOnAsync(HttpClient client, string date, IReadOnlyList<int> rooms, string start)
    {
        var schedule = await client.GetFromJsonAsync<JsonElement>($"/api/schedule?date={date}");
        return schedule.GetProperty("rooms").EnumerateArray().Where(r => rooms.Contains(r.GetProperty("roomId").GetInt32()))
            .Select(r => r.GetProperty("cells").EnumerateArray().First(c => c.GetProperty("start").GetString() == start)).ToList();
    }

    private static async Task<List<Guid>> BookingIdsOnAsync(HttpClient client, string date, IReadOnlyList<int> rooms, string start) =>
        (await CellsOnAsync(client, date, rooms, start))
            .Where(c => c.TryGetProperty("bookingId", out var id) && id.ValueKind == JsonValueKind.String)
            .Select(c => c.GetProperty("bookingId").GetGuid()).ToList();

    /// <summary>
    /// The app's services in this process on the cluster's PostgreSQL and Redis, not serving requests: it creates accounts
    /// and runs the application services, and its commits wake the instances through Redis as an instance's do.
    /// </summary>
    private sealed class ClusterWriter(WebApplication app, RedisOutboxWake wake) : IAsyncDisposable
    {
        public static async Task<ClusterWriter> StartAsync(string database, string redis)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                EnvironmentName = "Production",
                Args =
                [
                    "--Database:Provider", "PostgreSql", "--ConnectionStrings:MeetingRoom", database, "--ConnectionStrings:Redis", redis,
                    "--Instance:Name", "test-writer", "--Identity:PasswordHasher:IterationCount", "1000",
                ],
            });
            MeetingRoomApp.AddServices(builder);
            var app = builder.Build();
            // Only the commit wake-up (the instances' hosted services stay off): this process's commits are announced on Redis.
            var wake = ActivatorUtilities.CreateInstance<RedisOutboxWake>(app.Services);
            await wake.StartAsync(default);
            return new ClusterWriter(app, wake);
        }

        public async Task<string> CreateMemberAsync(string email)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await UserAccounts.EnsureAsync(users, email, "Leaver", ScaleOutCluster.Password, [Roles.Member], resetPassword: false);
            return (await users.FindByEmailAsync(email))!.Id;
        }

        public async ValueTask DisposeAsync()
        {
            await wake.StopAsync(default);
            await app.DisposeAsync();
        }
    }
}
