using System.Net;
using System.Text.Json;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Integration;

/// <summary>Door displays (D1): admins create one per room (its URL given once) and revoke it.</summary>
public sealed class DoorDisplayApiTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    [Fact]
    public async Task Admin_creates_a_door_display_whose_url_is_given_once_and_only_its_hash_is_stored()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Doorway");

        var response = await admin.PostAsync($"/api/rooms/{room}/door-displays");

        await response.ShouldBe(HttpStatusCode.Created);
        var body = await response.Json();
        var id = body.GetProperty("id").GetInt32();
        var url = body.GetProperty("url").GetString()!;
        Assert.StartsWith("/door/", url);
        var token = url["/door/".Length..];
        Assert.True(token.Length >= 30);
        var list = await admin.GetJsonAsync<JsonElement>($"/api/rooms/{room}/door-displays");
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetInt32());
        Assert.DoesNotContain(token, list.GetRawText());
        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DoorDisplays.SingleAsync(d => d.Id == id);
        Assert.Equal(DoorDisplay.HashOf(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
    }

    [Fact]
    public async Task Revoked_door_display_is_404_unknown_door_display_the_second_time_and_no_longer_listed()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Threshold");
        var id = (await (await admin.PostAsync($"/api/rooms/{room}/door-displays")).Json()).GetProperty("id").GetInt32();

        await (await admin.DeleteAsync($"/api/door-displays/{id}")).ShouldBe(HttpStatusCode.NoContent);

        await (await admin.DeleteAsync($"/api/door-displays/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-door-display");
        Assert.Empty((await admin.GetJsonAsync<JsonElement>($"/api/rooms/{room}/door-displays")).EnumerateArray());
    }

    [Fact]
    public async Task Door_display_of_an_unknown_room_is_404_unknown_room_and_members_get_403()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Porch");

        await (await admin.PostAsync("/api/rooms/999999/door-displays")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-room");
        await (await member.PostAsync($"/api/rooms/{room}/door-displays")).ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>A new room's door display: a way to revoke it (as its admin) and an anonymous client for its URL.</summary>
    private async Task<(string Url, Func<Task> RevokeAsync, HttpClient Anonymous)> DoorOfNewRoomAsync(string name)
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync(name);
        var body = await (await admin.PostAsync($"/api/rooms/{room}/door-displays")).Json();
        var id = body.GetProperty("id").GetInt32();
        return (body.GetProperty("url").GetString()!,
            async () => await (await admin.DeleteAsync($"/api/door-displays/{id}")).ShouldBe(HttpStatusCode.NoContent),
            app.CreateClient(new() { AllowAutoRedirect = false }));
    }

    [Fact]
    public async Task Door_page_shows_its_room_without_sign_in_and_a_revoked_token_shows_not_active()
    {
        var (url, revokeAsync, anonymous) = await DoorOfNewRoomAsync("Vestibule");
        using var _ = anonymous;

        var page = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Vestibule", await page.Content.ReadAsStringAsync());

        await revokeAsync();
        var revoked = await anonymous.GetAsync(url);
        var html = await revoked.Content.ReadAsStringAsync();
        Assert.Contains("This door display is not active", html);
        Assert.DoesNotContain("Vestibule", html);
    }

    [Fact]
    public async Task Revoked_token_answers_404_with_the_not_active_text_where_it_answered_200()
    {
        var (url, revokeAsync, anonymous) = await DoorOfNewRoomAsync("Foyer");
        using var _ = anonymous;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);

        await revokeAsync();

        var revoked = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Contains("This door display is not active", await revoked.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/door/no-such-token")]
    [InlineData("/door/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Unknown_token_answers_404_with_the_not_active_text(string url)
    {
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var page = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("This door display is not active", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Revoked_token_has_no_qr_code()
    {
        var (url, revokeAsync, anonymous) = await DoorOfNewRoomAsync("Porchway");
        using var _ = anonymous;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url + "/qr.png")).StatusCode); // free now: book the period running

        await revokeAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url + "/qr.png")).StatusCode);
    }
}
