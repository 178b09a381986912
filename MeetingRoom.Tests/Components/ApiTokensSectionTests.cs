using System.Security.Claims;
using System.Text.Json;
using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Members.Access;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The profile's API tokens section (issue 20) on the real app: a new token is shown once with a warning and a copy
/// button, the list never shows a token, a revoke asks first, and everything reads in Korean too.
/// </summary>
public sealed class ApiTokensSectionTests(ApiTokensSectionTests.App fixture) : ComponentTestContext, IClassFixture<ApiTokensSectionTests.App>
{
    /// <summary>One app for the class (each test has its own member): its clock is never moved.</summary>
    public sealed class App : IAsyncLifetime
    {
        public LiveComponentApp Live { get; } = new(DefaultNow);

        public Task InitializeAsync()
        {
            _ = Live.Services;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Live.DisposeAsync();
    }

    private LiveComponentApp Live => fixture.Live;
    private ApiClient _member = default!;

    public override async Task InitializeAsync()
    {
        Live.AddTo(Services);
        _member = await Live.SignInNewAsync(name: "Token Holder");
        var auth = AddAuthorization();
        auth.SetAuthorized("Token Holder");
        auth.SetRoles(Roles.Member);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, await Live.UserIdAsync(_member)));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private async Task<JsonElement> TokensAsync() => await _member.GetJsonAsync<JsonElement>("/api/me/api-tokens");

    [Fact]
    public async Task Creating_a_token_shows_it_once_with_a_warning_and_lists_it_without_the_token()
    {
        var section = Render<ApiTokensSection>();
        section.WaitForAssertion(() => Assert.Equal("You have no API tokens.", section.Find("[data-testid=api-tokens-none]").TextContent), Wait);

        section.Find("#api-token-name").Input("calendar sync");
        section.Find("[data-testid=api-token-form]").Submit();

        section.WaitForAssertion(() => Assert.StartsWith("mrt_", section.Find("#api-token-value").GetAttribute("value")), Wait);
        Assert.Contains("shown only this once", section.Find("[data-testid=api-token-once]").TextContent);
        Assert.Equal("Copy the new token", section.Find("[data-testid=copy-api-token]").GetAttribute("aria-label"));
        var token = section.Find("#api-token-value").GetAttribute("value")!;
        var row = section.Find("[data-testid=api-token-list] li");
        Assert.Contains("calendar sync", row.TextContent);
        Assert.Contains("never used", row.TextContent);
        Assert.DoesNotContain(token, row.OuterHtml);
        Assert.Equal("calendar sync", Assert.Single((await TokensAsync()).EnumerateArray()).GetProperty("name").GetString());

        section.Find("[data-testid=hide-api-token]").Click();

        Assert.Empty(section.FindAll("#api-token-value"));
        Assert.DoesNotContain(token, section.Markup);
    }

    [Fact]
    public void A_token_without_a_name_is_refused_at_the_field()
    {
        var section = Render<ApiTokensSection>();
        section.WaitForAssertion(() => section.Find("[data-testid=api-tokens-none]"), Wait);

        section.Find("[data-testid=api-token-form]").Submit();

        section.WaitForAssertion(() => Assert.Contains("Give the token a name.", section.Markup), Wait);
        Assert.Empty(section.FindAll("#api-token-value"));
    }

    [Fact]
    public async Task Revoking_asks_first_and_then_removes_the_token()
    {
        await (await _member.PostAsync("/api/me/api-tokens", new { name = "old script" })).ShouldBe(System.Net.HttpStatusCode.Created);
        var dialogs = Render<MudDialogProvider>();
        var section = Render<ApiTokensSection>();
        section.WaitForAssertion(() => section.Find("[data-testid=revoke-api-token]"), Wait);

        section.Find("[data-testid=revoke-api-token]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("stop working at once", dialogs.Markup), Wait);
        Assert.Single((await TokensAsync()).EnumerateArray()); // nothing happens before the answer
        dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        section.WaitForAssertion(() => Assert.NotNull(section.Find("[data-testid=api-tokens-none]")), Wait);
        Assert.Empty((await TokensAsync()).EnumerateArray());
    }

    [Fact]
    public async Task The_section_reads_in_Korean()
    {
        await (await _member.PostAsync("/api/me/api-tokens", new { name = "동기화" })).ShouldBe(System.Net.HttpStatusCode.Created);
        using var korean = InCulture.Use("ko");

        var section = Render<ApiTokensSection>();

        section.WaitForAssertion(() => section.Find("[data-testid=api-token-list] li"), Wait);
        Assert.Equal("API 토큰", section.Find("h2").TextContent.Trim());
        Assert.Contains("11월 23일 (월) 10:05 생성", section.Find("[data-testid=api-token-list] li").TextContent);
        Assert.Contains("사용한 적 없음", section.Find("[data-testid=api-token-list] li").TextContent);
        Assert.Equal("동기화 토큰 폐기", section.Find("[data-testid=revoke-api-token]").GetAttribute("aria-label"));
        Assert.Equal("토큰 만들기", section.Find("[data-testid=create-api-token]").TextContent.Trim());
        foreach (var english in new[] { "API tokens", "Revoke", "Create token", "never used", "Created", "Token name" })
            Assert.DoesNotContain(english, section.Markup);
    }
}
