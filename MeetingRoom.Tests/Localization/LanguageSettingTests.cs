using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Localization;

/// <summary>The site's default language as an admin setting (<c>GET/PUT /api/admin/language</c>).</summary>
public sealed class LanguageSettingTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private ApiClient _admin = null!;

    public async Task InitializeAsync() => _admin = await app.SignInNewAsync(admin: true);

    public async Task DisposeAsync() => await _admin.PutAsync("/api/admin/language", new { defaultLanguage = "en" });

    [Fact]
    public async Task The_default_language_is_English_until_an_admin_sets_it()
    {
        var setting = await _admin.GetJsonAsync<JsonElement>("/api/admin/language");

        Assert.Equal("en", setting.GetProperty("defaultLanguage").GetString());
    }

    [Fact]
    public async Task An_admin_sets_Korean_and_reads_it_back()
    {
        var saved = await (await _admin.PutAsync("/api/admin/language", new { defaultLanguage = "KO" })).Json();

        Assert.Equal("ko", saved.GetProperty("defaultLanguage").GetString());
        Assert.Equal("ko", (await _admin.GetJsonAsync<JsonElement>("/api/admin/language")).GetProperty("defaultLanguage").GetString());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ko-KR")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_language_the_site_does_not_speak_is_refused(string? language)
    {
        var problem = await (await _admin.PutAsync("/api/admin/language", new { defaultLanguage = language }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Contains("ko, en", problem.GetProperty("errors").GetProperty("defaultLanguage")[0].GetString());
    }

    [Fact]
    public async Task The_refusal_is_written_in_Korean_for_a_Korean_browser_with_the_same_type()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/admin/language") { Content = JsonContent.Create(new { defaultLanguage = "fr" }) };
        request.Headers.AcceptLanguage.ParseAdd("ko-KR");

        var problem = await (await _admin.Http.SendAsync(request)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal("언어는 다음 중 하나여야 합니다: ko, en.", problem.GetProperty("errors").GetProperty("defaultLanguage")[0].GetString());
    }

    [Fact]
    public async Task Members_cannot_change_the_language()
    {
        var member = await app.SignInNewAsync();

        await (await member.PutAsync("/api/admin/language", new { defaultLanguage = "ko" })).ShouldBe(HttpStatusCode.Forbidden);
    }
}
