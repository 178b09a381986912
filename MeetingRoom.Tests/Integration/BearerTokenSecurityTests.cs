using System.Net;
using System.Net.Http.Headers;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The bearer token check (unprotected once per request, then its security stamp compared): a valid token works,
/// and a tampered, expired or revoked one is refused with 401, as before.
/// </summary>
public sealed class BearerTokenSecurityTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static ApiClient WithToken(MeetingRoomFactory app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(client, null);
    }

    [Fact]
    public async Task A_valid_token_is_accepted_and_a_tampered_one_is_refused()
    {
        var member = await app.SignInNewAsync();
        var token = member.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        await (await member.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK);

        var tampered = token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..];

        await (await WithToken(app, tampered).GetAsync("/api/me/bookings")).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var member = await app.SignInNewAsync();
        try
        {
            app.Clock.Set(DefaultNow.AddDays(366)); // the test factory issues tokens for 365 days

            await (await member.GetAsync("/api/me/bookings")).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
        }
        finally
        {
            app.Clock.Set(DefaultNow);
        }
        await (await member.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_is_refused_once_its_owner_changed_the_password_and_a_member_cannot_act_as_admin()
    {
        var member = await app.SignInNewAsync();
        await (await member.PostAsync("/api/rooms", new { name = "Not mine", floor = 1, capacity = 2, requiresApproval = false, equipment = Array.Empty<object>() }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
        await (await member.PostAsync("/api/auth/manage/info", new { oldPassword = Password, newPassword = "Changed-password-2" })).ShouldBe(HttpStatusCode.OK);

        await (await member.BookAsync(1, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
    }

    [Fact]
    public async Task Many_members_first_requests_at_once_are_all_authenticated()
    {
        var members = new List<ApiClient>();
        for (var i = 0; i < 30; i++) members.Add(await app.SignInNewAsync());

        // Their stamps are read together (SecurityStampLoader): every one of them gets its own account's answer.
        var answers = await Burst.RunAsync(members.Select(m => (Func<Task<HttpResponseMessage>>)(() => m.GetAsync("/api/me/bookings"))));

        Assert.All(answers, a => Assert.True(a.Is(HttpStatusCode.OK), a.ToString()));
    }

    [Fact]
    public async Task The_stamp_loader_reads_each_account_s_own_stamp_and_null_for_no_account()
    {
        var emails = new List<string>();
        for (var i = 0; i < 3; i++) emails.Add((await app.SignInNewAsync()).Email!);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var accounts = new List<AppUser>();
        foreach (var email in emails) accounts.Add((await users.FindByEmailAsync(email))!);
        var loader = app.Services.GetRequiredService<SecurityStampLoader>();

        var stamps = await Task.WhenAll(accounts.Select(a => a.Id).Append("no-such-account").Select(loader.LoadAsync));

        Assert.Equal(accounts.Select(a => a.SecurityStamp).Append(null), stamps);
    }
}
