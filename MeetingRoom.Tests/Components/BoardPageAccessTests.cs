using System.Net;
using MeetingRoom.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MeetingRoom.Tests.Components;

/// <summary>/board needs no sign-in by default (a wall display has no keyboard); Board:RequireSignIn makes it a member page.</summary>
public sealed class BoardPageAccessTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task Board_is_open_to_anyone_by_default_and_has_its_own_layout()
    {
        await using var app = new MeetingRoomFactory();

        var response = await app.CreateClient(NoRedirects).GetAsync("/board");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"board\"", html);
        Assert.Contains("id=\"components-reconnect-modal\"", html);
        Assert.Matches(@"href=""board(\.[a-z0-9]+)?\.css""", html);
        Assert.DoesNotContain("app-header", html); // no app navigation on the wall display
    }

    [Fact]
    public async Task With_require_sign_in_an_anonymous_visitor_is_sent_to_sign_in()
    {
        await using var factory = new MeetingRoomFactory();
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Board:RequireSignIn", "true"));

        var response = await app.CreateClient(NoRedirects).GetAsync("/board");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login?returnUrl=%2Fboard", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Board_shows_today_by_default_and_another_date_with_the_date_parameter()
    {
        await using var app = new MeetingRoomFactory();
        var client = app.CreateClient(NoRedirects);

        Assert.Contains("data-date=\"2026-11-23\"", await client.GetStringAsync("/board"));
        Assert.Contains("data-date=\"2026-11-24\"", await client.GetStringAsync("/board?date=2026-11-24"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("%00")]
    [InlineData("")]
    public async Task A_floor_that_is_not_a_floor_number_is_ignored_never_a_server_error(string floor)
    {
        await using var app = new MeetingRoomFactory();

        var response = await app.CreateClient(NoRedirects).GetAsync($"/board?floor={floor}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"board\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_address_shows_the_not_found_page_with_status_404()
    {
        await using var app = new MeetingRoomFactory();

        var response = await app.CreateClient(NoRedirects).GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address.", await response.Content.ReadAsStringAsync());
    }
}
