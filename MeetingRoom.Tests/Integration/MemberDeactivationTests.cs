using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Issue 20, "deactivation means it": a deactivated member's cookie, bearer token, refresh token and open page stop
/// working, they cannot sign in, their upcoming bookings are closed (the schedule shows the slots free) and their
/// places in line are gone; the member rules hold under concurrency; reactivation lets them in again.
/// </summary>
public sealed class MemberDeactivationTests(MemberAccessFactory app) : IClassFixture<MemberAccessFactory>, IAsyncLifetime
{
    private ApiClient _admin = null!;
    private Actor _adminActor = null!;

    public async Task InitializeAsync()
    {
        _admin = await app.SignInNewAsync(admin: true);
        _adminActor = await app.AdminAsync(_admin);
        // Tomorrow's slots open today at 00:00 (future bookings to cancel); no auto-release; no limits in the way.
        await (await _admin.PutAsync("/api/admin/booking-window", new { mode = "DailyAt", dailyAt = "00:00", daysBefore = 1, noShowMinutes = 0 }))
            .ShouldBe(HttpStatusCode.OK);
        await (await _admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 0, maxPerDay = 0, maxUpcoming = 0 })).ShouldBe(HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> DeactivateOkAsync(ApiClient member)
    {
        var id = (await app.AccountAsync(member)).Id;
        var done = await app.DeactivateAsync(_adminActor, id);
        Assert.True(done.IsOk, done.Problem?.Detail);
        return id;
    }

    private async Task<HttpResponseMessage> LoginAsync(string email, string password, bool cookies = false)
    {
        var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/auth/login" + (cookies ? "?useCookies=true" : ""), new { email, password });
    }

    [Fact]
    public async Task Deactivated_member_cannot_sign_in_and_gets_the_answer_of_a_wrong_password()
    {
        var member = await app.SignInNewAsync();
        await DeactivateOkAsync(member);

        var right = await (await LoginAsync(member.Email!, Password)).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
        var wrong = await (await LoginAsync(member.Email!, "Wrong-password-9")).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
        var nobody = await (await LoginAsync("nobody@test.local", Password)).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);

        Assert.Equal(nobody.GetProperty("detail").GetString(), right.GetProperty("detail").GetString());
        Assert.Equal(wrong.GetProperty("detail").GetString(), right.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Deactivated_member_cannot_sign_in_on_the_sign_in_page()
    {
        var member = await app.SignInNewAsync();
        await DeactivateOkAsync(member);
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await browser.GetStringAsync("/Account/Login");
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = antiforgery,
            ["Input.Email"] = member.Email!, ["Input.Password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, with the one answer for every failure
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("MeetingRoom.Auth=")));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"sign-in\"", page);
        Assert.Contains("role=\"alert\"", page);
    }

    [Fact]
    public async Task Deactivated_member_s_bearer_token_is_refused()
    {
        var member = await app.SignInNewAsync();
        await (await member.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK);

        await DeactivateOkAsync(member);

        await (await member.GetAsync("/api/me/bookings")).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
    }

    [Fact]
    public async Task Deactivated_member_s_refresh_token_is_refused()
    {
        var member = await app.SignInNewAsync();
        var tokens = await (await LoginAsync(member.Email!, Password)).Content.ReadFromJsonAsync<AccessTokenResponse>();

        await DeactivateOkAsync(member);

        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens!.RefreshToken });
        await response.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Deactivated_member_s_cookie_is_refused_after_the_revalidation_interval()
    {
        var member = await app.SignInNewAsync();
        var browser = await app.SignInWithCookieAsync(member.Email!);
        await (await browser.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK);

        await DeactivateOkAsync(member);
        app.PassRevalidationInterval();

        await (await browser.GetAsync("/api/me/bookings")).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
    }

    [Fact]
    public async Task A_member_made_not_active_without_a_new_stamp_loses_cookie_and_bearer_token_too()
    {
        var member = await app.SignInNewAsync();
        var browser = await app.SignInWithCookieAsync(member.Email!);
        var id = (await app.AccountAsync(member)).Id;

        await app.InDatabaseAsync(db => db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, MemberStatus.Deactivated)));
        app.Services.GetRequiredService<SecurityStampCache>().Evict(id); // as another instance sees it once its 10 s are over
        app.PassRevalidationInterval();

        await (await browser.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await member.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_open_page_of_a_deactivated_member_is_signed_out()
    {
        var member = await app.SignInNewAsync();
        var account = await app.AccountAsync(member);
        await using var circuit = app.Services.CreateAsyncScope(); // what a Blazor circuit's scope holds
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var principal = await circuit.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var signedOut = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => signedOut.TrySetResult(await state);

        await DeactivateOkAsync(member);

        var state = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.False(state.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task Upcoming_bookings_are_closed_with_the_cause_and_the_schedule_shows_the_slots_free()
    {
        var room = await _admin.CreateRoomAsync("Deactivation room");
        var other = await _admin.CreateRoomAsync("Deactivation other room");
        var member = await app.SignInNewAsync();
        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T08:05:00+09:00"));
        var past = await member.BookOkAsync(room, Today, "08:00");
        app.Clock.Set(DefaultNow);
        var meeting = await member.BookOkAsync(room, Today, "10:00");
        await (await member.PostAsync($"/api/bookings/{meeting}/start")).ShouldBe(HttpStatusCode.OK);
        var tomorrow = await member.BookOkAsync(other, "2026-11-24", "13:00");

        var done = await app.DeactivateAsync(_adminActor, (await app.AccountAsync(member)).Id);

        Assert.Equal(2, done.Value!.BookingsCancelled);
        var states = await app.InDatabaseAsync(db => db.Bookings.AsNoTracking().Where(b => b.Id == past || b.Id == meeting || b.Id == tomorrow)
            .ToDictionaryAsync(b => b.Id, b => (b.State, b.CancelCause)));
        Assert.Equal((BookingState.Confirmed, (CancellationCause?)null), states[past]);
        Assert.Equal((BookingState.Ended, (CancellationCause?)null), states[meeting]);
        Assert.Equal((BookingState.Cancelled, CancellationCause.MemberDeactivated), states[tomorrow]);
        await app.WaitForHandlerAsync(ScheduleProjection.HandlerName);
        Assert.Equal("FreeAgain", await CellStateAsync(room, Today, "10:00")); // the rest of the period is bookable
        Assert.Equal("Open", await CellStateAsync(other, "2026-11-24", "13:00"));
    }

    private async Task<string> CellStateAsync(int room, string date, string start)
    {
        var schedule = await _admin.GetJsonAsync<JsonElement>($"/api/schedule?date={date}");
        var cell = schedule.GetProperty("rooms").EnumerateArray().Single(r => r.GetProperty("roomId").GetInt32() == room)
            .GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("start").GetString() == start);
        Assert.False(cell.TryGetProperty("bookingId", out var id) && id.ValueKind == JsonValueKind.String, cell.ToString());
        return cell.GetProperty("state").GetString()!;
    }

    [Fact]
    public async Task The_deactivated_member_is_told_why_in_their_language()
    {
        var room = await _admin.CreateRoomAsync("Deactivation notice room");
        var member = await app.SignInNewAsync();
        await member.BookOkAsync(room, "2026-11-24", "10:00");
        var id = await DeactivateOkAsync(member);
        await app.WaitForHandlerAsync(NotificationProjection.HandlerName);

        var texts = app.Services.GetRequiredService<NotificationTexts>();
        var notice = Assert.Single(await app.InDatabaseAsync(db => db.Notifications.AsNoTracking().Where(n => n.MemberId == id).ToListAsync()));
        var english = MeetingRoom.Web.Localization.UiCulture.Of(System.Globalization.CultureInfo.GetCultureInfo("en")).Run(() => texts.ToDto(notice).Body);
        var korean = MeetingRoom.Web.Localization.UiCulture.Of(System.Globalization.CultureInfo.GetCultureInfo("ko")).Run(() => texts.ToDto(notice).Body);
        Assert.Contains("The member was deactivated.", english);
        Assert.Contains("회원 계정이 비활성화되었습니다.", korean);
    }

    [Fact]
    public async Task The_deactivated_member_s_places_in_line_are_removed_and_the_line_moves_on()
    {
        var room = await _admin.CreateRoomAsync("Deactivation line room");
        var holder = await app.SignInNewAsync();
        var leaving = await app.SignInNewAsync();
        var next = await app.SignInNewAsync();
        var booking = await holder.BookOkAsync(room, Today, "10:00");
        await (await leaving.PostAsync("/api/waitlist", new { roomId = room, date = Today, start = "10:00" })).ShouldBe(HttpStatusCode.Created);
        await (await next.PostAsync("/api/waitlist", new { roomId = room, date = Today, start = "10:00" })).ShouldBe(HttpStatusCode.Created);

        var done = await app.DeactivateAsync(_adminActor, (await app.AccountAsync(leaving)).Id);
        await (await holder.PostAsync($"/api/bookings/{booking}/cancel")).ShouldBe(HttpStatusCode.OK);
        await app.WaitForHandlerAsync(WaitlistHandOver.HandlerName);

        Assert.Equal(1, done.Value!.WaitlistPlacesRemoved);
        var nextId = (await app.AccountAsync(next)).Id;
        var got = await app.InDatabaseAsync(db => db.Bookings.AsNoTracking()
            .SingleAsync(b => b.RoomId == room && b.PeriodStart == new TimeOnly(10, 0) && BookingStates.Active.Contains(b.State)));
        Assert.Equal(nextId, got.BookedBy.Value);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves()
    {
        var result = await app.DeactivateAsync(_adminActor, _adminActor.Id.Value);

        Assert.Equal(ProblemCodes.CannotDeactivateSelf, result.Problem?.Code);
        Assert.Equal(MemberStatus.Active, await app.StatusAsync(_adminActor.Id.Value));
    }

    [Fact]
    public async Task A_member_cannot_deactivate_anyone_and_an_unknown_member_is_a_problem()
    {
        var member = await app.SignInNewAsync();
        var id = (await app.AccountAsync(member)).Id;

        Assert.Equal(ProblemCodes.AdminOnly, (await app.DeactivateAsync(Actor.Member(id), _adminActor.Id.Value)).Problem?.Code);
        Assert.Equal(ProblemCodes.UnknownMember, (await app.DeactivateAsync(_adminActor, "no-such-member")).Problem?.Code);
        Assert.Equal(ProblemCodes.UnknownMember, (await app.DeactivateAsync(_adminActor, "nul\0")).Problem?.Code);
    }

    [Fact]
    public async Task Deactivating_twice_is_refused_with_wrong_status()
    {
        var member = await app.SignInNewAsync();
        var id = await DeactivateOkAsync(member);

        Assert.Equal(ProblemCodes.WrongStatus, (await app.DeactivateAsync(_adminActor, id)).Problem?.Code);
    }

    [Fact]
    public async Task Reactivation_lets_the_member_sign_in_again_but_old_tokens_stay_revoked()
    {
        var member = await app.SignInNewAsync();
        var id = await DeactivateOkAsync(member);

        var reactivated = await app.ReactivateAsync(_adminActor, id);

        Assert.True(reactivated.IsOk, reactivated.Problem?.Detail);
        Assert.Equal(MemberStatus.Active, await app.StatusAsync(id));
        await (await member.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.Unauthorized);
        var again = await app.SignInAsync(member.Email!, Password);
        await (await again.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(ProblemCodes.WrongStatus, (await app.ReactivateAsync(_adminActor, id)).Problem?.Code);
    }

    [Fact]
    public async Task Every_sign_in_records_the_instant()
    {
        var member = await app.SignInNewAsync(); // a bearer sign-in
        Assert.Equal(app.Clock.GetUtcNow(), (await app.AccountAsync(member)).LastSignInAt);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await LoginAsync(member.Email!, Password, cookies: true)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(app.Clock.GetUtcNow(), (await app.AccountAsync(member)).LastSignInAt);
    }

    [Fact]
    public async Task A_sign_in_through_an_external_provider_records_the_instant_and_a_deactivated_member_is_not_allowed()
    {
        var email = $"sso{Guid.NewGuid():N}@test.local";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Single Sign-On" };
            Assert.True((await users.CreateAsync(user)).Succeeded); // no password
            Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
            Assert.True((await users.AddLoginAsync(user, new UserLoginInfo("oidc", email, "Company"))).Succeeded);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True((await ExternalSignInAsync(email)).Succeeded);
        var account = await app.AccountAsync(email);
        Assert.Equal(app.Clock.GetUtcNow(), account.LastSignInAt);

        Assert.True((await app.DeactivateAsync(_adminActor, account.Id)).IsOk);
        Assert.True((await ExternalSignInAsync(email)).IsNotAllowed);
    }

    private async Task<Microsoft.AspNetCore.Identity.SignInResult> ExternalSignInAsync(string providerKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        signIn.Context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        return await signIn.ExternalLoginSignInAsync("oidc", providerKey, isPersistent: false, bypassTwoFactor: true);
    }
}

/// <summary>
/// "Never the last active admin" under concurrency, on a database of its own (the count is of every active admin):
/// two admins deactivating each other at the same moment leave exactly one active admin, round after round.
/// </summary>
public sealed class LastAdminRaceTests
{
    [Fact]
    public async Task Two_admins_deactivating_each_other_at_once_leave_one_active_admin()
    {
        using var app = new MemberAccessFactory();
        var survivor = await app.AdminAsync(await app.SignInNewAsync(admin: true));
        for (var round = 0; round < 3; round++)
        {
            var challenger = await app.AdminAsync(await app.SignInNewAsync(admin: true));
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var pair = new[] { (By: survivor, Target: challenger), (By: challenger, Target: survivor) }.Select(p => Task.Run(async () =>
            {
                await gate.Task;
                return (p.By, Result: await app.DeactivateAsync(p.By, p.Target.Id.Value));
            })).ToArray();
            gate.SetResult();
            var results = await Task.WhenAll(pair);

            var winner = Assert.Single(results, r => r.Result.IsOk);
            Assert.Equal(ProblemCodes.LastAdmin, Assert.Single(results, r => !r.Result.IsOk).Result.Problem!.Code);
            survivor = winner.By;
            var admins = await app.InDatabaseAsync(db => Web.Features.Members.AdminSetLock.CountActiveAdminsAsync(db, default));
            Assert.Equal(1, admins);
        }
    }
}

/// <summary>With email on: a deactivated member is mailed nothing more, not even about the bookings deactivation closed.</summary>
public sealed class DeactivatedMemberEmailTests(EmailFixture fixture) : IClassFixture<EmailFixture>
{
    [Fact]
    public async Task A_deactivated_member_gets_no_email_about_the_bookings_closed()
    {
        var app = fixture.App;
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        await member.BookOkAsync(await admin.CreateRoomAsync("Quiet room"), Today, "10:00");
        await app.WaitForHandlerAsync(Web.Features.Notifications.Email.EmailProjection.HandlerName);
        string memberId, adminId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (memberId, adminId) = ((await users.FindByEmailAsync(member.Email!))!.Id, (await users.FindByEmailAsync(admin.Email!))!.Id);
        }
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<Web.Features.Members.Access.MemberDeactivation>()
                .DeactivateAsync(Actor.Admin(adminId), memberId)).IsOk);

        await app.WaitForHandlerAsync(Web.Features.Notifications.Email.EmailProjection.HandlerName);

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Persistence.AppDbContext>()
                .EmailMessages.CountAsync(m => m.MemberId == memberId)); // the confirmation only
    }
}
