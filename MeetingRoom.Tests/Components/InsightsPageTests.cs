using System.Security.Claims;
using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Insights.Pages;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The page <c>/admin/insights</c> (<see cref="InsightsPage"/>, issue 23) on the real app: its range starts as the last
/// 30 days ending today in the site's time zone (not the server's, not UTC).
/// </summary>
public sealed class InsightsPageTests : ComponentTestContext
{
    // 16:30 UTC on 22 Nov is 01:30 on 23 Nov in Seoul, the site's zone: "today" is the 23rd.
    private readonly LiveComponentApp _app = new(DateTimeOffset.Parse("2026-11-22T16:30:00Z"));

    public override async Task InitializeAsync()
    {
        var admin = await _app.SignInNewAsync(admin: true, name: "Insight Admin");
        _app.AddTo(Services);
        Services.AddSingleton(_app.Services.GetRequiredService<SiteRulesProvider>());
        var auth = AddAuthorization();
        auth.SetAuthorized("Insight Admin");
        auth.SetRoles(Roles.Admin, Roles.Member);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, await _app.UserIdAsync(admin)));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public void The_range_starts_as_the_last_30_days_ending_today_in_the_sites_time_zone()
    {
        using var english = InCulture.Use("en");
        Render<MudPopoverProvider>();
        var page = Render<InsightsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-field=from] input")));
        Assert.Equal("2026-10-25", page.Find("[data-field=from] input").GetAttribute("value"));
        Assert.Equal("2026-11-23", page.Find("[data-field=to] input").GetAttribute("value"));
        Assert.Contains("Asia/Seoul", page.Find(".page-sub").TextContent);
    }

    [Fact]
    public void The_filter_comes_from_the_address()
    {
        using var english = InCulture.Use("en");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/insights?from=2026-11-01&to=2026-11-15");
        Render<MudPopoverProvider>();
        var page = Render<InsightsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-field=from] input")));
        Assert.Equal("2026-11-01", page.Find("[data-field=from] input").GetAttribute("value"));
        Assert.Equal("2026-11-15", page.Find("[data-field=to] input").GetAttribute("value"));
    }

    [Fact]
    public void An_address_that_is_not_a_filter_shows_its_problem_next_to_the_field()
    {
        using var english = InCulture.Use("en");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/insights?from=yesterday");
        Render<MudPopoverProvider>();
        var page = Render<InsightsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-field-error=from]")));
    }

    [Fact]
    public void Show_writes_the_filter_into_the_address()
    {
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/admin/insights");
        Render<MudPopoverProvider>();
        var page = Render<InsightsPage>();
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=insights-apply]").HasAttribute("disabled")));

        page.Find("form[data-testid=insights-filter]").Submit();

        page.WaitForAssertion(() => Assert.EndsWith("/admin/insights?from=2026-10-25&to=2026-11-23", nav.Uri));
    }
}
