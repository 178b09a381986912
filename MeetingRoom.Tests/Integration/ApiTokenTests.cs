using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Members.Access;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Personal API tokens (issue 20): created (shown once, hashed at rest), listed, used as a bearer token with the
/// member's own roles and name, revoked (own tokens only), limited per member by the database, refused once the
/// member is deactivated, usable by members who sign in through single sign-on (no password).
/// </summary>
public sealed class ApiTokenTests(MemberAccessFactory app) : IClassFixture<MemberAccessFactory>
{
    private async Task<JsonElement> CreateAsync(ApiClient member, string name = "calendar sync")
    {
        var response = await member.PostAsync("/api/me/api-tokens", new { name });
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.Json();
    }

    private ApiClient WithToken(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(client, null);
    }

    [Fact]
    public async Task A_new_token_is_shown_once_and_listed_without_it()
    {
        var member = await app.SignInNewAsync();

        var created = await CreateAsync(member, "  calendar sync  ");

        var token = created.GetProperty("token").GetString()!;
        Assert.Matches("^mrt_[A-Za-z0-9_-]{43}$", token);
        Assert.Equal("calendar sync", created.GetProperty("name").GetString());
        Assert.Equal(DefaultNow, created.GetProperty("createdAt").GetDateTimeOffset());
        var listed = Assert.Single((await member.GetJsonAsync<JsonElement>("/api/me/api-tokens")).EnumerateArray());
        Assert.Equal(created.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        Assert.False(listed.TryGetProperty("token", out _));
        Assert.DoesNotContain(token, listed.ToString());
    }

    [Fact]
    public async Task Only_the_token_s_hash_is_stored()
    {
        var member = await app.SignInNewAsync();
        var created = await CreateAsync(member);
        var token = created.GetProperty("token").GetString()!;

        var row = await app.InDatabaseAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == created.GetProperty("id").GetGuid()));

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), row.TokenHash);
        Assert.DoesNotContain(token[ApiTokenFormat.Prefix.Length..], JsonSerializer.Serialize(row));
    }

    [Fact]
    public async Task A_token_authenticates_as_its_member_with_their_name_and_roles()
    {
        var admin = await app.SignInNewAsync(admin: true, name: "Token Admin");
        var room = await admin.CreateRoomAsync("Token room");
        var viaToken = WithToken((await CreateAsync(admin)).GetProperty("token").GetString()!);

        var booked = await viaToken.BookAsync(room, Today, "10:00");

        await booked.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("Token Admin", (await booked.Json()).GetProperty("bookedBy").GetString());
        await (await viaToken.GetAsync("/api/admin/timetable")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var member = await app.SignInNewAsync();
        var created = await CreateAsync(member);
        var viaToken = WithToken(created.GetProperty("token").GetString()!);
        await (await viaToken.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK);

        await (await member.DeleteAsync($"/api/me/api-tokens/{created.GetProperty("id").GetGuid()}")).ShouldBe(HttpStatusCode.NoContent);

        await (await viaToken.GetAsync("/api/me/bookings")).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
        Assert.Empty((await member.GetJsonAsync<JsonElement>("/api/me/api-tokens")).EnumerateArray());
    }

    [Fact]
    public async Task Another_member_s_token_cannot_be_revoked_even_by_an_admin()
    {
        var member = await app.SignInNewAsync();
        var id = (await CreateAsync(member)).GetProperty("id").GetGuid();

        await (await (await app.SignInNewAsync()).DeleteAsync($"/api/me/api-tokens/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, ProblemCodes.UnknownApiToken);
        await (await (await app.SignInNewAsync(admin: true)).DeleteAsync($"/api/me/api-tokens/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, ProblemCodes.UnknownApiToken);
        await (await member.DeleteAsync("/api/me/api-tokens/not-a-token-id")).ShouldBeProblem(HttpStatusCode.NotFound, ProblemCodes.UnknownApiToken);
        Assert.Single((await member.GetJsonAsync<JsonElement>("/api/me/api-tokens")).EnumerateArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("tab\tname")]
    public async Task A_token_needs_a_name_of_plain_text(string? name)
    {
        var member = await app.SignInNewAsync();

        var problem = await (await member.PostAsync("/api/me/api-tokens", new { name })).ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);

        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_name_over_100_characters_is_refused()
    {
        var member = await app.SignInNewAsync();

        await (await member.PostAsync("/api/me/api-tokens", new { name = new string('x', 101) })).ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);
    }

    [Fact]
    public async Task A_burst_of_creations_stops_at_the_limit_per_member()
    {
        var member = await app.SignInNewAsync();

        var answers = await Burst.RunAsync(Enumerable.Range(0, ApiTokenService.MaxPerMember + 5)
            .Select(i => (Func<Task<HttpResponseMessage>>)(() => member.PostAsync("/api/me/api-tokens", new { name = $"script {i}" }))));

        Assert.Equal(ApiTokenService.MaxPerMember, answers.Count(a => a.Is(HttpStatusCode.Created)));
        Assert.All(answers.Where(a => !a.Is(HttpStatusCode.Created)), a => Assert.Equal(new Answer(HttpStatusCode.Conflict, ProblemCodes.TooManyApiTokens), a));
        Assert.Equal(ApiTokenService.MaxPerMember, (await member.GetJsonAsync<JsonElement>("/api/me/api-tokens")).GetArrayLength());
    }

    [Fact]
    public async Task An_api_token_cannot_make_tokens_or_reach_the_account_endpoints()
    {
        var member = await app.SignInNewAsync();
        var viaToken = WithToken((await CreateAsync(member)).GetProperty("token").GetString()!);

        await (await viaToken.PostAsync("/api/me/api-tokens", new { name = "another" })).ShouldBeProblem(HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
        await (await viaToken.GetAsync("/api/auth/manage/info")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("mrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("mrt_short")]
    [InlineData("mrt_<script>")]
    public async Task An_unknown_or_malformed_token_is_refused(string token)
    {
        await (await WithToken(token).GetAsync("/api/me/bookings")).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
    }

    [Fact]
    public async Task Deactivation_deletes_the_member_s_tokens_and_they_are_refused()
    {
        var admin = await app.AdminAsync(await app.SignInNewAsync(admin: true));
        var member = await app.SignInNewAsync();
        var viaToken = WithToken((await CreateAsync(member)).GetProperty("token").GetString()!);
        await (await viaToken.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK);
        var id = (await app.AccountAsync(member)).Id;

        Assert.True((await app.DeactivateAsync(admin, id)).IsOk);

        await (await viaToken.GetAsync("/api/me/bookings")).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
        Assert.Equal(0, await app.InDatabaseAsync(db => db.ApiTokens.CountAsync(t => t.MemberId == id)));
    }

    [Fact]
    public async Task A_member_who_signs_in_through_single_sign_on_can_make_and_use_a_token()
    {
        var email = $"sso{Guid.NewGuid():N}@test.local";
        string id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "SSO Member" };
            Assert.True((await users.CreateAsync(user)).Succeeded); // no password
            Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
            id = user.Id;
        }
        AppResult<ApiTokenCreated> created;
        await using (var scope = app.Services.CreateAsyncScope()) // what the profile page's section does
            created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(Actor.Member(id), "laptop script");

        var mine = await WithToken(created.Value!.Token).GetJsonAsync<JsonElement>("/api/me/api-tokens");

        Assert.Equal("laptop script", Assert.Single(mine.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_last_use_is_recorded_at_most_once_a_minute()
    {
        var member = await app.SignInNewAsync();
        var created = await CreateAsync(member);
        var viaToken = WithToken(created.GetProperty("token").GetString()!);
        async Task<DateTimeOffset?> LastUsedAsync() =>
            await app.InDatabaseAsync(db => db.ApiTokens.Where(t => t.Id == created.GetProperty("id").GetGuid()).Select(t => t.LastUsedAt).SingleAsync());
        var start = app.Clock.GetUtcNow();
        try
        {
            await (await viaToken.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK);
            Assert.Equal(start, await LastUsedAsync());

            app.Clock.Advance(TimeSpan.FromSeconds(59));
            await (await viaToken.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK);
            Assert.Equal(start, await LastUsedAsync());

            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await (await viaToken.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK);
            Assert.Equal(start.AddMinutes(1), await LastUsedAsync());
        }
        finally
        {
            app.Clock.Set(start);
        }
    }
}
