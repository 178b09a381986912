using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Localization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Localization;

/// <summary>
/// The language of a request (D4): <c>?lang=</c>, then the member's choice (the culture cookie), then the browser's
/// <c>Accept-Language</c>, then the site's default language; the wall and door displays follow only <c>?lang=</c> and
/// the site default. The language switch (<c>GET /culture</c>) remembers a choice; signing in brings it back.
/// The page's <c>&lt;html lang&gt;</c> tells which language a page was written in.
/// </summary>
public sealed partial class LanguageResolutionTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private const string CultureCookie = ".AspNetCore.Culture";
    private ApiClient _admin = null!;

    public async Task InitializeAsync() => _admin = await app.SignInNewAsync(admin: true);

    public async Task DisposeAsync() => await SetSiteDefaultAsync("en");

    private async Task SetSiteDefaultAsync(string language) =>
        await (await _admin.PutAsync("/api/admin/language", new { defaultLanguage = language })).ShouldBe(HttpStatusCode.OK);

    /// <summary>A browser without cookies of its own, that does not follow redirects.</summary>
    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<string> PageLanguageAsync(string path, string? cookie = null, string? acceptLanguage = null)
    {
        using var browser = Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", $"{CultureCookie}=c%3D{cookie}%7Cuic%3D{cookie}");
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await browser.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var lang = HtmlLang().Match(html);
        Assert.True(lang.Success, $"No <html lang> in {path} ({(int)response.StatusCode})");
        return lang.Groups[1].Value;
    }

    [Fact]
    public async Task Lang_in_the_address_beats_the_cookie_and_the_browser() =>
        Assert.Equal("en", await PageLanguageAsync("/Account/Login?lang=en", cookie: "ko", acceptLanguage: "ko-KR"));

    [Fact]
    public async Task The_members_choice_beats_the_browsers_language() =>
        Assert.Equal("ko", await PageLanguageAsync("/Account/Login", cookie: "ko", acceptLanguage: "en-US,en;q=0.9"));

    [Fact]
    public async Task The_browsers_language_beats_the_site_default()
    {
        await SetSiteDefaultAsync("ko");

        Assert.Equal("en", await PageLanguageAsync("/Account/Login", acceptLanguage: "en-GB"));
        Assert.Equal("ko", await PageLanguageAsync("/Account/Login", acceptLanguage: "ko-KR,ko;q=0.9"));
    }

    [Fact]
    public async Task Without_any_choice_the_site_default_applies_and_it_follows_a_change()
    {
        await SetSiteDefaultAsync("ko");
        Assert.Equal("ko", await PageLanguageAsync("/Account/Login"));

        await SetSiteDefaultAsync("en");
        Assert.Equal("en", await PageLanguageAsync("/Account/Login"));
    }

    [Fact]
    public async Task An_unsupported_browser_language_falls_to_the_site_default()
    {
        await SetSiteDefaultAsync("ko");

        Assert.Equal("ko", await PageLanguageAsync("/Account/Login", acceptLanguage: "fr-FR,de;q=0.8"));
    }

    [Fact]
    public async Task The_wall_display_ignores_the_browser_and_the_cookie_but_follows_lang()
    {
        await SetSiteDefaultAsync("ko");

        Assert.Equal("ko", await PageLanguageAsync("/board", cookie: "en", acceptLanguage: "en-US"));
        Assert.Equal("en", await PageLanguageAsync("/board?lang=en", acceptLanguage: "ko-KR"));
    }

    [Fact]
    public async Task The_switch_sets_the_cookie_for_a_year_and_goes_back_to_the_page()
    {
        using var browser = Browser();

        using var response = await browser.GetAsync("/culture?lang=ko&returnUrl=%2Fmy-bookings%3Fday%3D2026-11-23");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/my-bookings?day=2026-11-23", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CultureCookie + "="));
        Assert.Contains("c%3Dko%7Cuic%3Dko", cookie);
        var expires = DateTimeOffset.Parse(ExpiresAttribute().Match(cookie).Groups[1].Value);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(360), DateTimeOffset.UtcNow.AddDays(370));
    }

    [Fact]
    public async Task The_switch_stores_a_signed_in_members_choice()
    {
        var member = await app.SignInNewAsync();
        using var browser = Browser();
        browser.DefaultRequestHeaders.Authorization = member.Http.DefaultRequestHeaders.Authorization;

        using var response = await browser.GetAsync("/culture?lang=ko&returnUrl=/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var memberId = await MemberIdAsync(member.Email!);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().MemberPreferences
            .Where(p => p.MemberId == memberId).Select(p => p.Language).SingleAsync();
        Assert.Equal("ko", stored);
        Assert.Equal("ko", await app.Services.GetRequiredService<IMemberLanguage>().ForAsync(memberId));
    }

    [Fact]
    public async Task A_member_who_never_chose_reads_the_site_default()
    {
        var member = await app.SignInNewAsync();
        await SetSiteDefaultAsync("ko");

        Assert.Equal("ko", await app.Services.GetRequiredService<IMemberLanguage>().ForAsync(await MemberIdAsync(member.Email!)));
    }

    [Fact]
    public async Task Signing_in_brings_back_the_members_language()
    {
        var member = await app.SignInNewAsync();
        await app.Services.GetRequiredService<MemberLanguage>().SetAsync(await MemberIdAsync(member.Email!), "ko");
        using var browser = Browser();

        using var response = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true",
            new { email = member.Email, password = MeetingRoomFactory.Password });

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CultureCookie + "=c%3Dko%7Cuic%3Dko"));
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task The_switch_refuses_to_send_the_browser_elsewhere(string returnUrl)
    {
        using var browser = Browser();

        using var response = await browser.GetAsync($"/culture?lang=ko&returnUrl={Uri.EscapeDataString(returnUrl)}");

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(CultureCookie)));
    }

    [Fact]
    public async Task The_switch_refuses_a_language_the_site_does_not_speak()
    {
        using var browser = Browser();

        using var response = await browser.GetAsync("/culture?lang=fr&returnUrl=/");

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
    }

    private async Task<string> MemberIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users
            .Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [GeneratedRegex("""<html lang="([^"]*)">""")]
    private static partial Regex HtmlLang();

    [GeneratedRegex("expires=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExpiresAttribute();
}
