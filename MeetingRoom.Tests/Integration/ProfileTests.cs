using System.Net;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Members.Invitations;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The profile (issue 20, item 4) over HTTP: the page and its sections (prerendered), the password change on its static
/// page (this session goes on, the member's other credentials stop), the rename and the cookie refresh that follows it.
/// </summary>
public sealed class ProfileTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private async Task<(ApiClient Api, HttpClient Browser)> MemberWithCookieAsync(string? name = null)
    {
        var api = await app.SignInNewAsync(name: name);
        var browser = app.BrowserClient();
        await browser.SignInWithCookieAsync(api.Email!, Password);
        return (api, browser);
    }

    private async Task<T> AsMemberAsync<T>(string email, Func<ProfileService, Actor, Task<T>> call)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return await call(scope.ServiceProvider.GetRequiredService<ProfileService>(), Actor.Member(user!.Id));
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient browser, string current, string next, string? confirm = null) =>
        browser.SubmitAsync("/Account/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = confirm ?? next,
        });

    [Fact]
    public async Task The_profile_shows_name_language_email_password_and_api_tokens()
    {
        var (_, browser) = await MemberWithCookieAsync("Profile Kim");

        var page = await browser.GetPageAsync("/account/profile");

        foreach (var section in new[] { "profile-name", "profile-language", "profile-email", "profile-password", "profile-api-tokens" })
            Assert.Contains($"data-testid=\"{section}\"", page);
        Assert.Contains("value=\"Profile Kim\"", page);
        Assert.Contains("href=\"/Account/ChangePassword\"", page);
    }

    [Fact]
    public async Task The_profile_speaks_korean()
    {
        var (_, browser) = await MemberWithCookieAsync();

        var page = WebUtility.HtmlDecode(await browser.GetPageAsync("/account/profile?lang=ko")); // Blazor writes Korean as character references

        Assert.Contains("내 프로필", page);
        Assert.Contains("API 토큰", page);
        Assert.Contains("비밀번호 변경", page);
    }

    [Fact]
    public async Task The_profile_needs_a_signed_in_member()
    {
        var response = await app.BrowserClient().GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_members_other_credentials()
    {
        var (api, browser) = await MemberWithCookieAsync();

        var response = await ChangePasswordAsync(browser, Password, "Changed-password-5!");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/profile?saved=password", new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("MeetingRoom.Auth="));
        Assert.Contains("data-testid=\"saved\"", await browser.GetPageAsync("/account/profile?saved=password")); // still signed in
        await (await api.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.Unauthorized); // the bearer token is revoked
        Assert.True(await app.CanSignInAsync(api.Email!, "Changed-password-5!"));
    }

    [Theory]
    [InlineData("Wrong-password-1", "Changed-password-5!", null, "currentPassword")]
    [InlineData(Password, "short", null, "newPassword")]
    [InlineData(Password, "Changed-password-5!", "Changed-password-6!", "confirmPassword")]
    public async Task A_refused_password_change_says_why_next_to_the_field_and_changes_nothing(string current, string next, string? confirm, string field)
    {
        var (api, browser) = await MemberWithCookieAsync();

        var response = await ChangePasswordAsync(browser, current, next, confirm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-field-error=\"{field}\"", await response.Content.ReadAsStringAsync());
        Assert.True(await app.CanSignInAsync(api.Email!, Password));
    }

    [Fact]
    public async Task Renaming_then_refreshing_the_sign_in_shows_the_new_name()
    {
        var (api, browser) = await MemberWithCookieAsync("Old Name");

        var renamed = await AsMemberAsync(api.Email!, (s, me) => s.SetNameAsync(me, "  New Name "));
        var refresh = await browser.GetAsync($"{InvitationsSetup.RefreshSignInPath}?returnUrl=%2Faccount%2Fprofile%3Fsaved%3Dname");

        Assert.Equal("New Name", renamed.Value);
        Assert.Equal(HttpStatusCode.Redirect, refresh.StatusCode);
        Assert.Equal("/account/profile?saved=name", refresh.Headers.Location!.OriginalString);
        Assert.Contains(refresh.Headers.GetValues("Set-Cookie"), c => c.StartsWith("MeetingRoom.Auth="));
        var page = await browser.GetPageAsync("/account/profile?saved=name");
        Assert.Contains("<span class=\"app-user__text\">New Name</span>", page); // the header, from the re-issued cookie
    }

    [Fact]
    public async Task The_sign_in_refresh_does_not_renew_a_session_that_a_password_change_ended()
    {
        var (api, stale) = await MemberWithCookieAsync();
        var other = app.BrowserClient();
        await other.SignInWithCookieAsync(api.Email!, Password);
        await ChangePasswordAsync(other, Password, "Changed-password-5!");

        var refresh = await stale.GetAsync(InvitationsSetup.RefreshSignInPath);

        Assert.False(refresh.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("MeetingRoom.Auth=") && !c.Contains("expires=Thu, 01 Jan 1970")),
            "The ended session's cookie was renewed.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Tab\tName")]
    public async Task A_bad_name_is_refused(string name)
    {
        var api = await app.SignInNewAsync();

        var result = await AsMemberAsync(api.Email!, (s, me) => s.SetNameAsync(me, name));

        Assert.Equal(ProblemCodes.InvalidInput, result.Problem?.Code);
        Assert.True(result.Problem!.Errors!.ContainsKey("name"));
    }

    [Fact]
    public async Task A_member_without_a_password_has_none_to_change()
    {
        var email = AccountSteps.UniqueEmail("sso");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Sso Lee" });
        }

        var profile = await AsMemberAsync(email, (s, me) => s.GetAsync(me));
        var change = await AsMemberAsync(email, (s, me) => s.ChangePasswordAsync(me, "x", "New-password-42!", "New-password-42!"));

        Assert.False(profile.Value!.HasPassword);
        Assert.Equal(ProblemCodes.WrongStatus, change.Problem?.Code);
    }

    [Fact]
    public async Task Two_tabs_accepting_one_invitation_at_once_activate_it_once()
    {
        var sent = (await app.InviteAsync(AccountSteps.UniqueEmail("race"))).Value!;
        var link = new Uri(sent.Link!).PathAndQuery;
        var tabs = new[] { app.BrowserClient(), app.BrowserClient() };
        foreach (var tab in tabs) await tab.GetPageAsync(link); // both have the form open

        var answers = await Task.WhenAll(tabs.Select((tab, i) => tab.AcceptAsync(link, $"Racing-password-{i}!")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/Account/ForgotPassword?lang=ko", "비밀번호를 잊으셨나요?")]
    [InlineData("/Account/ResetPassword?email=a%40test.local&code=x&lang=ko", "이 비밀번호 재설정 링크는 만료되었거나 이미 사용되었습니다")]
    [InlineData("/Account/ChangePassword?lang=ko", "현재 비밀번호")]
    public async Task The_account_pages_speak_korean(string path, string text)
    {
        var (_, browser) = await MemberWithCookieAsync();

        Assert.Contains(text, WebUtility.HtmlDecode(await browser.GetPageAsync(path)));
    }

    [Fact]
    public async Task A_bad_invitation_link_is_explained_in_korean()
    {
        var page = WebUtility.HtmlDecode(await app.BrowserClient().GetPageAsync("/Account/AcceptInvitation?member=x&token=y&lang=ko"));

        Assert.Contains("이 초대는 만료되었거나 이미 사용되었습니다", page);
    }
}

/// <summary>With local accounts off (<c>Auth:LocalAccounts=false</c>): invitations point to single sign-on and the password pages say passwords are off.</summary>
public sealed class LocalAccountsOffTests(LocalAccountsOffTests.SsoOnlyFactory app) : IClassFixture<LocalAccountsOffTests.SsoOnlyFactory>
{
    public sealed class SsoOnlyFactory : MeetingRoomFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Auth:LocalAccounts", "false");
            builder.UseSetting("Auth:Oidc:DisplayName", "Sign in with Contoso");
        }
    }

    [Fact]
    public async Task The_invitation_page_offers_single_sign_on_instead_of_a_password()
    {
        var sent = (await app.InviteAsync(AccountSteps.UniqueEmail("sso"))).Value!;

        var page = await app.BrowserClient().GetPageAsync(new Uri(sent.Link!).PathAndQuery);

        Assert.Contains("action=\"/Account/ExternalLogin\"", page);
        Assert.Contains("Sign in with Contoso", page);
        Assert.Contains("__RequestVerificationToken", page);
        Assert.DoesNotContain("type=\"password\"", page);
    }

    [Fact]
    public async Task Accepting_with_a_password_is_refused()
    {
        var sent = (await app.InviteAsync(AccountSteps.UniqueEmail("sso"))).Value!;
        var query = new Uri(sent.Link!).Query;

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<InvitationService>().AcceptAsync(
            sent.MemberId, PageForms.Query("/x" + query, "token"), AccountSteps.NewPassword, AccountSteps.NewPassword);

        Assert.Equal(ProblemCodes.Forbidden, result.Problem?.Code);
        Assert.Equal(MemberStatus.Invited, (await app.MemberAsync(sent.Email))!.Status);
    }

    [Theory]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResetPassword?email=a%40test.local&code=x")]
    public async Task The_password_pages_say_passwords_are_off(string path)
    {
        var page = await app.BrowserClient().GetPageAsync(path);

        Assert.Contains("data-testid=\"passwords-off\"", page);
        Assert.DoesNotContain("type=\"password\"", page);
    }
}

/// <summary>The account pages' form posts count against the per-client sign-in limit, like the sign-in page and /api/auth.</summary>
public sealed class AccountPagesRateLimitTests(AccountPagesRateLimitTests.LimitedFactory app) : IClassFixture<AccountPagesRateLimitTests.LimitedFactory>
{
    public const int Limit = 3;

    public sealed class LimitedFactory : MeetingRoomFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SignInRateLimit:PermitLimit", Limit.ToString());
            builder.UseSetting("SignInRateLimit:WindowSeconds", "600");
        }
    }

    [Theory]
    [InlineData("/Account/ForgotPassword", "forgot-password")]
    [InlineData("/Account/AcceptInvitation?member=x&token=y", "accept-invitation")]
    [InlineData("/Account/ResetPassword?email=a%40test.local&code=x", "reset-password")]
    public async Task Posts_beyond_the_limit_from_one_client_get_429(string path, string handler)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        HttpResponseMessage last = null!;
        for (var i = 0; i <= Limit; i++)
            last = await client.SubmitAsync(path, handler, new Dictionary<string, string> { ["Input.Email"] = "a@test.local" });

        await last.ShouldBeProblem(HttpStatusCode.TooManyRequests, ProblemCodes.TooManyRequests);
    }
}
