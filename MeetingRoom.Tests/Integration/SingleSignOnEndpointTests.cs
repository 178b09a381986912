using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MeetingRoom.Tests.Integration;

/// <summary>Single sign-on on, email + password sign-in off (<c>Auth:LocalAccounts=false</c>): a company that requires SSO.</summary>
public sealed class LocalAccountsOffFactory : SsoFactory
{
    public LocalAccountsOffFactory() => Settings["Auth:LocalAccounts"] = "false";
}

/// <summary>
/// Issue 20's single sign-on over HTTP: the sign-in page with and without password sign-in and SSO; /api/auth refusing
/// password sign-in while local accounts are off (403 local-accounts-off); every way the exchange with the provider can
/// go wrong (state mismatch, provider error, provider unreachable, no external sign-in) ends on the sign-in page with a
/// code, never an error page, logged as a warning and never as an error.
/// </summary>
public sealed class SingleSignOnEndpointTests(LocalAccountsOffFactory ssoOnly, SsoFactory sso, MeetingRoomFactory plain)
    : IClassFixture<LocalAccountsOffFactory>, IClassFixture<SsoFactory>, IClassFixture<MeetingRoomFactory>
{
    private static HttpClient NoRedirects(MeetingRoomFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<string> SignInPageAsync(MeetingRoomFactory app, string query = "", string language = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login" + query);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await app.CreateClient().SendAsync(request);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/api/auth/login")]
    [InlineData("/api/auth/forgotPassword")]
    [InlineData("/api/auth/resetPassword")]
    public async Task Password_sign_in_and_reset_answer_local_accounts_off(string path)
    {
        var response = await ssoOnly.Anonymous().PostAsync(path,
            new { email = "someone@contoso.test", password = "Some-password-1", resetCode = "x", newPassword = "Other-password-1" });

        var problem = await response.ShouldBeProblem(HttpStatusCode.Forbidden, ProblemCodes.LocalAccountsOff);
        Assert.Contains("single sign-on", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Local_accounts_off_is_worded_in_Korean_for_a_Korean_reader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = "someone@contoso.test", password = "Some-password-1" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("ko");

        var problem = await (await ssoOnly.CreateClient().SendAsync(request)).ShouldBeProblem(HttpStatusCode.Forbidden, ProblemCodes.LocalAccountsOff);

        Assert.Contains("통합 로그인", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task With_local_accounts_off_the_sign_in_page_has_the_single_sign_on_button_and_no_password_form()
    {
        var html = await SignInPageAsync(ssoOnly);

        Assert.Contains("Sign in with Contoso", html);
        Assert.Contains("data-testid=\"sso-form\"", html);
        Assert.DoesNotContain("id=\"password\"", html);
        Assert.DoesNotContain("forgot-password", html);
    }

    [Fact]
    public async Task With_both_on_the_sign_in_page_offers_single_sign_on_and_the_password_form()
    {
        var html = await SignInPageAsync(sso);

        Assert.Contains("Sign in with Contoso", html);
        Assert.Contains("id=\"password\"", html);
        Assert.Contains("forgot-password", html);
    }

    [Fact]
    public async Task Without_an_authority_there_is_no_single_sign_on_button_nor_endpoint()
    {
        var html = await SignInPageAsync(plain);
        var start = await NoRedirects(plain).PostAsync("/Account/ExternalLogin", new FormUrlEncodedContent([]));

        Assert.DoesNotContain("sso-form", html);
        Assert.Contains("id=\"password\"", html);
        Assert.InRange((int)start.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData("en", "email domains")]
    [InlineData("ko", "도메인")]
    public async Task A_refusal_code_is_shown_as_a_message_in_the_reader_language(string language, string words)
    {
        var html = await SignInPageAsync(sso, "?error=domain-not-allowed", language);

        Assert.Contains("sign-in-error", html);
        Assert.Contains(words, WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task An_unknown_error_code_shows_nothing()
    {
        var html = await SignInPageAsync(sso, "?error=%3Cscript%3E");

        Assert.DoesNotContain("sign-in-error", html);
    }

    [Theory]
    [InlineData("/signin-oidc?code=a-code&state=not-ours")] // state mismatch (and no correlation cookie)
    [InlineData("/signin-oidc?error=access_denied&state=not-ours")] // the provider's error
    [InlineData("/signin-oidc?code=a-code")] // no state at all
    public async Task A_callback_that_does_not_match_a_request_ends_on_the_sign_in_page(string callback)
    {
        var response = await NoRedirects(sso).GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?error=sso-failed", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(sso.Log.Entries, e => e.StartsWith("Error") || e.StartsWith("Critical"));
    }

    [Fact]
    public async Task The_return_step_without_an_external_sign_in_ends_on_the_sign_in_page()
    {
        var response = await NoRedirects(sso).GetAsync("/Account/ExternalLoginCallback?returnUrl=%2Fmy-bookings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?error=sso-failed&returnUrl=%2Fmy-bookings", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/my-bookings", "&returnUrl=%2Fmy-bookings")]
    [InlineData("//evil.test/", "")]
    public async Task Starting_with_an_unreachable_provider_ends_on_the_sign_in_page_with_a_local_return_address_only(string returnUrl, string kept)
    {
        var client = NoRedirects(sso);
        var page = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/Account/ExternalLogin", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("returnUrl", returnUrl)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?error=sso-failed" + kept, response.Headers.Location?.OriginalString);
        Assert.Contains(sso.Log.Entries, e => e.StartsWith("Warning") && e.Contains("could not start"));
        Assert.DoesNotContain(sso.Log.Entries, e => e.StartsWith("Error") || e.StartsWith("Critical"));
    }

    [Theory]
    [InlineData("returnUrl=%2F", "application/x-www-form-urlencoded")]
    [InlineData("{}", "application/json")]
    public async Task Starting_without_the_antiforgery_token_goes_back_to_the_sign_in_page(string body, string type)
    {
        var response = await NoRedirects(sso).PostAsync("/Account/ExternalLogin", new StringContent(body, System.Text.Encoding.UTF8, type));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?error=sso-failed", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(sso.Log.Entries, e => e.StartsWith("Error") || e.StartsWith("Critical"));
    }

    [Fact]
    public void An_http_authority_is_refused_at_start_while_https_metadata_is_required()
    {
        using var app = new SsoFactory { Settings = { ["Auth:Oidc:RequireHttpsMetadata"] = "true" } };

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("HTTPS", error.ToString());
    }
}
