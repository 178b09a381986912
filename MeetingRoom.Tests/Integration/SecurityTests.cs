using System.Net;
using System.Net.Http.Json;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The app in Production behind a TLS-terminating proxy (10.0.0.1, configured as known): each client the
/// factory creates comes through that proxy over HTTPS for host meetingroom.example, from its own client
/// address. A test header, <c>X-Test-Peer</c>, sets the TCP peer a request comes from. Sign-in is limited to
/// <see cref="SignInLimit"/> attempts per client per hour; password hash verifications are counted.
/// </summary>
public sealed class ProductionBehindProxyFactory : MeetingRoomFactory
{
    public const int SignInLimit = 5;
    public const string Host = "meetingroom.example";
    private int _clients;

    public PasswordChecks Checks { get; } = new();
    protected override string EnvironmentName => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SignInRateLimit:PermitLimit", SignInLimit.ToString());
        builder.UseSetting("SignInRateLimit:WindowSeconds", "3600");
        builder.UseSetting("Security:KnownProxies:0", "10.0.0.1");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new PeerFromTestHeader());
            services.AddScoped<IPasswordHasher<AppUser>>(sp =>
                new CountingHasher(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), Checks));
        });
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.BaseAddress = new Uri("http://10.0.0.1/"); // the proxy talks plain HTTP to the app
        client.DefaultRequestHeaders.Add("X-Test-Peer", "10.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", Host);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{Interlocked.Increment(ref _clients) % 250 + 1}");
    }

    /// <summary>A client whose requests do not follow redirects and keep their Set-Cookie headers; optionally with one header changed (null: removed).</summary>
    public HttpClient RawClient(string? header = null, string? value = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (header is null) return client;
        client.DefaultRequestHeaders.Remove(header);
        if (value is not null) client.DefaultRequestHeaders.Add(header, value);
        return client;
    }

    public sealed class PasswordChecks
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingHasher(IPasswordHasher<AppUser> inner, PasswordChecks checks) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            checks.Add();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>Sets the connection's remote address from X-Test-Peer, before anything else runs (as the TCP peer would be).</summary>
    private sealed class PeerFromTestHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers["X-Test-Peer"], out var peer)) http.Connection.RemoteIpAddress = peer;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

/// <summary>Issue 15's security test: headers, cookie flags behind a proxy, lockout, sign-in rate limit, enumeration, closed registration.</summary>
public sealed class SecurityTests(ProductionBehindProxyFactory app) : IClassFixture<ProductionBehindProxyFactory>
{
    private async Task<string> NewMemberAsync()
    {
        var email = $"sec{Guid.NewGuid():N}@test.local";
        await using var scope = app.Services.CreateAsyncScope();
        await UserAccounts.EnsureAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, "Sec", Password, [Roles.Member], resetPassword: false);
        return email;
    }

    private async Task LockAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddYears(1));
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, bool cookies = false) =>
        client.PostAsJsonAsync(cookies ? "/api/auth/login?useCookies=true" : "/api/auth/login", new { email, password });

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/api/rooms")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.RawClient().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.Equal(SecurityOptions.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public void The_content_security_policy_runs_scripts_from_the_site_only_without_eval_or_inline_script()
    {
        var scriptSrc = SecurityOptions.ContentSecurityPolicy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src "));

        Assert.Equal("script-src 'self'", scriptSrc);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_http_only_and_same_site_behind_a_tls_proxy()
    {
        var response = await LoginAsync(app.RawClient(), await NewMemberAsync(), Password, cookies: true);

        await response.ShouldBe(HttpStatusCode.OK);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MeetingRoom.Auth="));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_behind_the_proxy()
    {
        var response = await app.RawClient().GetAsync("/health/live");

        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Plain_http_through_the_proxy_is_redirected_to_https()
    {
        var response = await app.RawClient("X-Forwarded-Proto", "http").GetAsync("/api/rooms");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://{ProductionBehindProxyFactory.Host}/api/rooms", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Forwarded_headers_from_a_peer_that_is_not_a_known_proxy_are_ignored()
    {
        var response = await app.RawClient("X-Test-Peer", "203.0.113.9").GetAsync("/api/rooms");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode); // still plain HTTP: its X-Forwarded-Proto was not believed
    }

    [Fact]
    public async Task Health_checks_answer_over_plain_http()
    {
        var response = await app.RawClient("X-Forwarded-Proto", null).GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_email_wrong_password_and_locked_account_get_the_same_answer()
    {
        var wrongPassword = await NewMemberAsync();
        var locked = await NewMemberAsync();
        await LockAsync(locked);

        var answers = new List<string>();
        foreach (var (email, password) in new[] { ($"nobody{Guid.NewGuid():N}@test.local", Password), (wrongPassword, "Wrong-password-1"), (locked, Password) })
        {
            var response = await LoginAsync(app.RawClient(), email, password);
            var problem = await response.ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
            answers.Add($"{problem.GetProperty("title")}|{problem.GetProperty("detail")}");
        }

        Assert.Single(answers.Distinct());
    }

    [Theory]
    [InlineData("unknown email")]
    [InlineData("wrong password")]
    [InlineData("locked account")]
    public async Task A_failed_sign_in_verifies_one_password_hash_whatever_the_reason(string reason)
    {
        var email = reason == "unknown email" ? $"nobody{Guid.NewGuid():N}@test.local" : await NewMemberAsync();
        if (reason == "locked account") await LockAsync(email);
        var before = app.Checks.Count;

        await LoginAsync(app.RawClient(), email, reason == "wrong password" ? "Wrong-password-1" : Password);

        Assert.Equal(1, app.Checks.Count - before);
    }

    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_so_the_right_one_is_refused()
    {
        var email = await NewMemberAsync();
        for (var i = 0; i < 10; i++)
            await LoginAsync(app.RawClient(), email, "Wrong-password-1"); // a new client each time: under the rate limit

        var response = await LoginAsync(app.RawClient(), email, Password);

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_from_one_client_get_429_with_retry_after()
    {
        var client = app.RawClient();
        var email = await NewMemberAsync();
        for (var i = 0; i < ProductionBehindProxyFactory.SignInLimit; i++)
            await (await LoginAsync(client, email, "Wrong-password-1")).ShouldBe(HttpStatusCode.Unauthorized);

        var response = await LoginAsync(client, email, Password);

        await response.ShouldBeProblem(HttpStatusCode.TooManyRequests, ProblemCodes.TooManyRequests);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
    }

    [Fact]
    public async Task Sign_in_form_posts_beyond_the_limit_from_one_client_get_429()
    {
        var client = app.RawClient();
        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "login", ["Input.Email"] = "a@test.local", ["Input.Password"] = "x" });
        for (var i = 0; i < ProductionBehindProxyFactory.SignInLimit; i++)
            await client.PostAsync("/Account/Login", form());

        var response = await client.PostAsync("/Account/Login", form());

        await response.ShouldBeProblem(HttpStatusCode.TooManyRequests, ProblemCodes.TooManyRequests);
    }

    [Fact]
    public async Task A_form_post_without_an_antiforgery_token_is_a_problem()
    {
        var response = await app.RawClient().PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@test.local" }));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);
    }

    [Fact]
    public async Task A_sign_out_post_without_an_antiforgery_token_is_a_problem_not_a_failure()
    {
        var response = await app.RawClient().PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);
    }

    [Fact]
    public async Task The_sign_in_limit_of_one_client_does_not_hold_back_another()
    {
        var busy = app.RawClient();
        var email = await NewMemberAsync();
        for (var i = 0; i <= ProductionBehindProxyFactory.SignInLimit; i++)
            await LoginAsync(busy, email, "Wrong-password-1");

        await (await LoginAsync(app.RawClient(), email, Password)).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/auth/register")]
    [InlineData("/api/auth/register/")]
    [InlineData("/api/auth/register/.")]
    [InlineData("/api/auth/register/./")]
    [InlineData("/api/auth/register//")]
    [InlineData("/API/AUTH/REGISTER")]
    [InlineData("/api/auth/Register/")]
    [InlineData("/api/auth/./register")]
    [InlineData("/api/auth/x/../register")]
    [InlineData("/api/auth/register?x=1")]
    [InlineData("/api/auth/register%2F")]
    public async Task Closed_registration_creates_no_account_whatever_the_spelling_of_the_path(string path)
    {
        var email = $"reg{Guid.NewGuid():N}@test.local";

        var response = await app.RawClient().PostAsJsonAsync(path, new { email, password = "Long-enough-1" });

        Assert.False(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
    }
}
