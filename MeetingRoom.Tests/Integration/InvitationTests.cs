using System.Net;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Tests.Browser;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Members.Invitations;
using MeetingRoom.Web.Features.Notifications.Email;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>The app with email on (<see cref="EmailFactory"/>), keeping its warnings and errors.</summary>
public class AccountMailFactory : EmailFactory
{
    public ServerLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Log));
    }

    /// <summary>Errors the app logged (bad input must log none).</summary>
    public IReadOnlyList<string> Errors => Log.Entries.Where(e => e.StartsWith("Error") || e.StartsWith("Critical")).ToList();
}

/// <summary>One app and one SMTP server for the class; each test uses its own members and sets the clock.</summary>
public sealed class AccountMailFixture : IDisposable
{
    public AccountMailFactory App { get; }
    public SmtpSink Smtp { get; }

    public AccountMailFixture()
    {
        Smtp = new SmtpSink().Start();
        App = new AccountMailFactory { Port = Smtp.Port };
    }

    public void Dispose()
    {
        App.Dispose();
        Smtp.Dispose();
    }
}

/// <summary>Shared steps of the invitation and reset tests.</summary>
public static class AccountSteps
{
    public const string NewPassword = "New-password-42!";

    public static string UniqueEmail(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}@test.local";

    public static Task<AppResult<InvitationSent>> InviteAsync(this MeetingRoomFactory app, string email, string? name = "Jin Park", string? role = "Member") =>
        app.AsAdminRequestAsync(s => s.InviteAsync(Actor.Admin("test-admin"), new InvitationRequest(email, name, role)));

    public static Task<AppResult<InvitationSent>> ResendAsync(this MeetingRoomFactory app, string memberId) =>
        app.AsAdminRequestAsync(s => s.ResendAsync(Actor.Admin("test-admin"), memberId));

    public static Task<AppResult<IReadOnlyList<InvitationSent>>> InviteManyAsync(this MeetingRoomFactory app, params InvitationRequest[] requests) =>
        app.AsAdminRequestAsync(s => s.InviteManyAsync(Actor.Admin("test-admin"), requests));

    /// <summary>Calls the invitation service as an admin's API request to http://localhost would (the links take its address).</summary>
    private static async Task<T> AsAdminRequestAsync<T>(this MeetingRoomFactory app, Func<InvitationService, Task<T>> call)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { Request = { Scheme = "http", Host = new HostString("localhost") } };
        try { return await call(scope.ServiceProvider.GetRequiredService<InvitationService>()); }
        finally { accessor.HttpContext = null; }
    }

    /// <summary>The account with <paramref name="email"/> as stored now (null: none).</summary>
    public static async Task<AppUser?> MemberAsync(this MeetingRoomFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    public static async Task<IList<string>> RolesAsync(this MeetingRoomFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>Posts the invitation page's form with <paramref name="password"/> twice (or <paramref name="confirm"/>).</summary>
    public static Task<HttpResponseMessage> AcceptAsync(this HttpClient client, string link, string password = NewPassword, string? confirm = null) =>
        client.SubmitAsync(link, "accept-invitation", new Dictionary<string, string>
        {
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm ?? password,
        });

    /// <summary>Posts the reset page's form with <paramref name="password"/> twice.</summary>
    public static Task<HttpResponseMessage> ResetAsync(this HttpClient client, string link, string password = NewPassword) =>
        client.SubmitAsync(link, "reset-password", new Dictionary<string, string>
        {
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

    public static async Task<bool> CanSignInAsync(this MeetingRoomFactory app, string email, string password)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static Task<HttpResponseMessage> PostAsJsonAsync(this HttpClient client, string url, object body) =>
        System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, url, body);

    public const string InvalidInvitation = "This invitation has expired or was already used";
    public const string InvalidReset = "This password reset link has expired or was already used";
}

/// <summary>
/// Invitations and password reset by email (issue 20, item 4) against a real SMTP server on loopback: the mails, their
/// links working once, expiry on the test clock, resend, all-or-nothing bulk invitations, no account enumeration.
/// </summary>
public sealed class InvitationTests(AccountMailFixture fixture) : IClassFixture<AccountMailFixture>
{
    private AccountMailFactory App => fixture.App;
    private SmtpSink Smtp => fixture.Smtp;

    private async Task<(string Email, string MemberId, string Link)> InvitedAsync(string? role = "Member")
    {
        App.Clock.Set(DefaultNow);
        var email = AccountSteps.UniqueEmail("invited");
        var sent = await App.InviteAsync(email, role: role);
        Assert.True(sent.IsOk, sent.Problem?.Detail);
        var mail = Assert.Single(await Smtp.WaitForAsync(email));
        return (email, sent.Value!.MemberId, PageForms.LinkTo(mail.Message.TextBody, AccountLinks.AcceptInvitationPath));
    }

    [Fact]
    public async Task An_invitation_creates_an_invited_member_without_a_password_and_mails_the_link()
    {
        App.Clock.Set(DefaultNow);
        var email = AccountSteps.UniqueEmail("invited");

        var sent = await App.InviteAsync(email, name: "Jin Park", role: "Admin");

        Assert.Null(sent.Value!.Link); // mailed, not handed out
        var member = await App.MemberAsync(email);
        Assert.Equal((MemberStatus.Invited, "Jin Park", true, (string?)null, DefaultNow),
            (member!.Status, member.DisplayName, member.EmailConfirmed, member.PasswordHash, member.InvitedAt!.Value));
        Assert.Equal([Roles.Admin, Roles.Member], (await App.RolesAsync(email)).Order());
        var mail = Assert.Single(await Smtp.WaitForAsync(email));
        Assert.Equal("You are invited to MeetingRoom", mail.Message.Subject);
        Assert.Contains("Hello Jin Park,", mail.Message.TextBody);
        Assert.Contains("within 7 days", mail.Message.TextBody);
        Assert.Contains($"http://localhost/Account/AcceptInvitation?member={sent.Value.MemberId}&token=", mail.Message.TextBody);
    }

    [Fact]
    public async Task Accepting_an_invitation_sets_the_password_activates_the_member_and_signs_them_in()
    {
        var (email, _, link) = await InvitedAsync();
        var browser = App.BrowserClient();
        Assert.Contains("data-testid=\"accept\"", await browser.GetPageAsync(link));

        var response = await browser.AcceptAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("MeetingRoom.Auth="));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/my-bookings")).StatusCode); // signed in: not sent to the sign-in page
        Assert.Equal(MemberStatus.Active, (await App.MemberAsync(email))!.Status);
        Assert.True(await App.CanSignInAsync(email, AccountSteps.NewPassword));
    }

    [Fact]
    public async Task An_invitation_link_works_once()
    {
        var (email, _, link) = await InvitedAsync();
        await App.BrowserClient().AcceptAsync(link);
        var stamp = (await App.MemberAsync(email))!.SecurityStamp;

        var again = App.BrowserClient();
        Assert.Contains(AccountSteps.InvalidInvitation, await again.GetPageAsync(link));
        var response = await again.AcceptAsync(link, "Another-password-7!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AccountSteps.InvalidInvitation, await response.Content.ReadAsStringAsync());
        Assert.Equal(stamp, (await App.MemberAsync(email))!.SecurityStamp); // nothing written
        Assert.False(await App.CanSignInAsync(email, "Another-password-7!"));
    }

    [Theory]
    [InlineData(-1, true)]  // 7 days less a minute: still good
    [InlineData(+1, false)] // 7 days and a minute: expired
    public async Task An_invitation_link_works_for_seven_days(int minutesPastSevenDays, bool works)
    {
        var (email, _, link) = await InvitedAsync();
        App.Clock.Set(DefaultNow + TimeSpan.FromDays(7) + TimeSpan.FromMinutes(minutesPastSevenDays));
        try
        {
            var response = await App.BrowserClient().AcceptAsync(link);

            Assert.Equal(works ? HttpStatusCode.Redirect : HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(works ? MemberStatus.Active : MemberStatus.Invited, (await App.MemberAsync(email))!.Status);
        }
        finally { App.Clock.Set(DefaultNow); }
    }

    [Fact]
    public async Task Sending_the_invitation_again_makes_the_old_link_stop_working()
    {
        var (email, memberId, oldLink) = await InvitedAsync();
        App.Clock.Set(DefaultNow.AddDays(2));

        var resent = await App.ResendAsync(memberId);

        Assert.True(resent.IsOk, resent.Problem?.Detail);
        var mails = await Smtp.WaitForAsync(email, 2);
        var newLink = PageForms.LinkTo(mails[1].Message.TextBody, AccountLinks.AcceptInvitationPath);
        Assert.Contains(AccountSteps.InvalidInvitation, await App.BrowserClient().GetPageAsync(oldLink));
        Assert.Contains("data-testid=\"accept\"", await App.BrowserClient().GetPageAsync(newLink));
        Assert.Equal(DefaultNow.AddDays(2), (await App.MemberAsync(email))!.InvitedAt);
        App.Clock.Set(DefaultNow);
    }

    [Fact]
    public async Task Only_an_invited_member_is_sent_the_invitation_again()
    {
        var (_, memberId, link) = await InvitedAsync();
        await App.BrowserClient().AcceptAsync(link);

        var active = await App.ResendAsync(memberId);
        var unknown = await App.ResendAsync("no-such-member");

        Assert.Equal(ProblemCodes.WrongStatus, active.Problem?.Code);
        Assert.Equal(ProblemCodes.UnknownMember, unknown.Problem?.Code);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("unknown-member")]
    [InlineData("no-token")]
    public async Task A_bad_invitation_link_shows_the_message_writes_nothing_and_logs_no_error(string kind)
    {
        var (email, memberId, link) = await InvitedAsync();
        var token = PageForms.Query(link, "token");
        var bad = kind switch
        {
            "tampered" => $"{AccountLinks.AcceptInvitationPath}?member={memberId}&token={token[..^4]}AAAA",
            "unknown-member" => $"{AccountLinks.AcceptInvitationPath}?member={Guid.NewGuid()}&token={token}",
            _ => $"{AccountLinks.AcceptInvitationPath}?member={memberId}",
        };
        var before = App.Errors.Count;

        var page = await App.BrowserClient().GetPageAsync(bad);

        Assert.Contains(AccountSteps.InvalidInvitation, page);
        Assert.Equal(MemberStatus.Invited, (await App.MemberAsync(email))!.Status);
        Assert.Equal(before, App.Errors.Count);
    }

    [Fact]
    public async Task A_password_against_the_rules_is_refused_next_to_its_field_and_the_link_still_works()
    {
        var (email, _, link) = await InvitedAsync();
        var browser = App.BrowserClient();

        var tooShort = await (await browser.AcceptAsync(link, "short")).Content.ReadAsStringAsync();
        var differ = await (await browser.AcceptAsync(link, AccountSteps.NewPassword, "Something-else-1!")).Content.ReadAsStringAsync();

        Assert.Contains("data-field-error=\"password\"", tooShort);
        Assert.Contains("At least 8 characters.", tooShort);
        Assert.Contains("data-field-error=\"confirmPassword\"", differ);
        Assert.Equal(MemberStatus.Invited, (await App.MemberAsync(email))!.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.AcceptAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Inviting_an_existing_member_is_member_exists()
    {
        var (email, _, _) = await InvitedAsync();

        var again = await App.InviteAsync(email.ToUpperInvariant());

        Assert.Equal(ProblemCodes.MemberExists, again.Problem?.Code);
        Assert.Equal(409, again.Problem!.Status);
    }

    [Theory]
    [InlineData("not-an-email", "Jin", "Member", "email")]
    [InlineData("two@@test.local", "Jin", "Member", "email")]
    [InlineData("", "Jin", "Member", "email")]
    [InlineData("ok@test.local", "Jin\0Park", "Member", "name")]
    [InlineData("ok@test.local", null, "Owner", "role")]
    public async Task Bad_invitation_input_is_invalid_input_naming_the_field(string email, string? name, string role, string field)
    {
        var result = await App.InviteAsync(email, name, role);

        Assert.Equal(ProblemCodes.InvalidInput, result.Problem?.Code);
        Assert.True(result.Problem!.Errors!.ContainsKey(field), string.Join(", ", result.Problem.Errors!.Keys));
    }

    [Fact]
    public async Task A_name_over_one_hundred_characters_is_refused()
    {
        var result = await App.InviteAsync(AccountSteps.UniqueEmail("long"), new string('n', 101));

        Assert.Equal("At most 100 characters.", Assert.Single(result.Problem!.Errors!["name"]));
    }

    [Fact]
    public async Task Inviting_many_creates_every_member_and_mails_each()
    {
        App.Clock.Set(DefaultNow);
        var emails = Enumerable.Range(0, 3).Select(_ => AccountSteps.UniqueEmail("many")).ToList();

        var result = await App.InviteManyAsync(emails.Select(e => new InvitationRequest(e, "Many", "Member")).ToArray());

        Assert.Equal(emails, result.Value!.Select(s => s.Email));
        foreach (var email in emails)
        {
            Assert.Equal(MemberStatus.Invited, (await App.MemberAsync(email))!.Status);
            Assert.Single(await Smtp.WaitForAsync(email));
        }
    }

    [Theory]
    [InlineData("duplicate-in-list", ProblemCodes.MemberExists)]
    [InlineData("existing-member", ProblemCodes.MemberExists)]
    [InlineData("bad-line", ProblemCodes.InvalidInput)]
    public async Task Inviting_many_is_all_or_nothing(string flaw, string code)
    {
        var (existing, _, _) = await InvitedAsync();
        var first = AccountSteps.UniqueEmail("batch");
        var second = AccountSteps.UniqueEmail("batch");
        var third = flaw switch { "duplicate-in-list" => first, "existing-member" => existing, _ => "not an email" };
        int outboxBefore;
        await using (var scope = App.Services.CreateAsyncScope())
            outboxBefore = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.CountAsync();

        var result = await App.InviteManyAsync(new(first, "A", "Member"), new(second, "B", "Admin"), new(third, "C", "Member"));

        Assert.Equal(code, result.Problem?.Code);
        Assert.Null(await App.MemberAsync(first));
        Assert.Null(await App.MemberAsync(second));
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Equal(outboxBefore, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.CountAsync());
    }

    [Fact]
    public async Task Forgot_password_mails_an_active_member_a_reset_link()
    {
        App.Clock.Set(DefaultNow);
        var member = await App.SignInNewAsync();

        var response = await App.Anonymous().PostAsync("/api/auth/forgotPassword", new { email = member.Email });

        await response.ShouldBe(HttpStatusCode.OK);
        var mail = Assert.Single(await Smtp.WaitForAsync(member.Email!));
        Assert.Equal("Reset your MeetingRoom password", mail.Message.Subject);
        Assert.Contains("within 2 hours", mail.Message.TextBody);
        var link = PageForms.LinkTo(mail.Message.TextBody, AccountLinks.ResetPasswordPath);
        Assert.Equal(member.Email, PageForms.Query(link, "email"));
    }

    [Fact]
    public async Task Forgot_password_answers_an_unknown_email_the_same_and_mails_nothing()
    {
        var unknown = AccountSteps.UniqueEmail("nobody");
        var (invited, _, _) = await InvitedAsync(); // an invited member has no password to reset either
        var member = await App.SignInNewAsync();
        var anonymous = App.Anonymous();

        var toUnknown = await anonymous.PostAsync("/api/auth/forgotPassword", new { email = unknown });
        var toInvited = await anonymous.PostAsync("/api/auth/forgotPassword", new { email = invited });
        var toMember = await anonymous.PostAsync("/api/auth/forgotPassword", new { email = member.Email });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (toUnknown.StatusCode, toInvited.StatusCode, toMember.StatusCode));
        Assert.Equal(await toMember.Content.ReadAsStringAsync(), await toUnknown.Content.ReadAsStringAsync());
        await Smtp.WaitForAsync(member.Email!); // queued and sent after the other two, had they been mailed
        Assert.DoesNotContain(Smtp.Messages(), m => m.To.Contains(unknown, StringComparer.OrdinalIgnoreCase));
        Assert.Single(Smtp.Messages(), m => m.To.Contains(invited, StringComparer.OrdinalIgnoreCase)); // only its invitation
    }

    private async Task<(ApiClient Member, string Link)> ResetLinkAsync()
    {
        App.Clock.Set(DefaultNow);
        var member = await App.SignInNewAsync();
        await (await App.Anonymous().PostAsync("/api/auth/forgotPassword", new { email = member.Email })).ShouldBe(HttpStatusCode.OK);
        var mail = Assert.Single(await Smtp.WaitForAsync(member.Email!));
        return (member, PageForms.LinkTo(mail.Message.TextBody, AccountLinks.ResetPasswordPath));
    }

    [Fact]
    public async Task The_reset_link_sets_a_new_password_once()
    {
        var (member, link) = await ResetLinkAsync();

        var done = await (await App.BrowserClient().ResetAsync(link)).Content.ReadAsStringAsync();
        var again = await (await App.BrowserClient().ResetAsync(link, "Third-password-9!")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"reset-done\"", done);
        Assert.Contains(AccountSteps.InvalidReset, again);
        Assert.True(await App.CanSignInAsync(member.Email!, AccountSteps.NewPassword));
        Assert.False(await App.CanSignInAsync(member.Email!, Password));
        Assert.False(await App.CanSignInAsync(member.Email!, "Third-password-9!"));
    }

    [Fact]
    public async Task The_mailed_code_resets_the_password_through_the_api_once()
    {
        var (member, link) = await ResetLinkAsync();
        var body = new { email = member.Email, resetCode = PageForms.Query(link, "code"), newPassword = AccountSteps.NewPassword };

        var first = await App.Anonymous().PostAsync("/api/auth/resetPassword", body);
        var second = await App.Anonymous().PostAsync("/api/auth/resetPassword", body);

        await first.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True(await App.CanSignInAsync(member.Email!, AccountSteps.NewPassword));
        await (await member.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.Unauthorized); // the old access token is revoked
    }

    [Fact]
    public async Task A_reset_link_expires_after_two_hours()
    {
        var (member, link) = await ResetLinkAsync();
        App.Clock.Set(DefaultNow.AddHours(2).AddMinutes(1));
        try
        {
            var page = await App.BrowserClient().GetPageAsync(link);

            Assert.Contains(AccountSteps.InvalidReset, page);
            Assert.True(await App.CanSignInAsync(member.Email!, Password));
        }
        finally { App.Clock.Set(DefaultNow); }
    }

    [Fact]
    public async Task The_forgot_password_page_answers_the_same_and_mails_a_member()
    {
        App.Clock.Set(DefaultNow);
        var member = await App.SignInNewAsync();
        var unknown = AccountSteps.UniqueEmail("nobody");

        var toUnknown = await App.BrowserClient().SubmitAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = unknown });
        var toMember = await App.BrowserClient().SubmitAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = member.Email! });

        var unknownPage = await toUnknown.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"reset-sent\"", unknownPage);
        Assert.Contains("data-testid=\"reset-sent\"", await toMember.Content.ReadAsStringAsync());
        Assert.Single(await Smtp.WaitForAsync(member.Email!));
        Assert.DoesNotContain(Smtp.Messages(), m => m.To.Contains(unknown, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_invitation_mail_is_in_the_site_language_korean()
    {
        App.Clock.Set(DefaultNow);
        var admin = await App.SignInNewAsync(admin: true);
        await (await admin.PutAsync("/api/admin/language", new { defaultLanguage = "ko" })).ShouldBe(HttpStatusCode.OK);
        try
        {
            var email = AccountSteps.UniqueEmail("korean");
            await App.InviteAsync(email, "김민지");

            var mail = Assert.Single(await Smtp.WaitForAsync(email));

            Assert.Equal("MeetingRoom 초대", mail.Message.Subject);
            Assert.Contains("김민지님, 안녕하세요.", mail.Message.TextBody);
            Assert.Contains("7일 안에", mail.Message.TextBody);
        }
        finally
        {
            await (await admin.PutAsync("/api/admin/language", new { defaultLanguage = "en" })).ShouldBe(HttpStatusCode.OK);
        }
    }
}

/// <summary>With no SMTP server configured the admin gets the invitation link to pass on, and nothing is queued.</summary>
public sealed class InvitationWithoutEmailTests(InvitationWithoutEmailTests.PublicUrlFactory app) : IClassFixture<InvitationWithoutEmailTests.PublicUrlFactory>
{
    /// <summary>No SMTP; the site's public address configured (with a trailing slash, which is dropped).</summary>
    public sealed class PublicUrlFactory : MeetingRoomFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("App:PublicUrl", "https://rooms.example.com/");
        }
    }

    [Fact]
    public async Task Without_smtp_the_invitation_link_is_returned_and_works()
    {
        var email = AccountSteps.UniqueEmail("nosmtp");

        var sent = await app.InviteAsync(email);

        var link = sent.Value!.Link!;
        Assert.StartsWith($"https://rooms.example.com/Account/AcceptInvitation?member={sent.Value.MemberId}&token=", link);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.AnyAsync(m => m.Type == nameof(AccountMailRequested)));
        var response = await app.BrowserClient().AcceptAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Sending_again_without_smtp_returns_a_new_link_and_the_old_one_stops_working()
    {
        var first = (await app.InviteAsync(AccountSteps.UniqueEmail("nosmtp"))).Value!;

        var second = (await app.ResendAsync(first.MemberId)).Value!;

        Assert.NotEqual(first.Link, second.Link);
        Assert.Contains(AccountSteps.InvalidInvitation, await app.BrowserClient().GetPageAsync(new Uri(first.Link!).PathAndQuery));
        Assert.Contains("data-testid=\"accept\"", await app.BrowserClient().GetPageAsync(new Uri(second.Link!).PathAndQuery));
    }

    [Fact]
    public async Task A_thousand_invitations_are_made_in_one_request()
    {
        var requests = Enumerable.Range(0, 1000)
            .Select(i => new InvitationRequest(AccountSteps.UniqueEmail("bulk"), $"Bulk {i}", i % 100 == 0 ? "Admin" : "Member")).ToArray();

        var result = await app.InviteManyAsync(requests);

        Assert.Equal(1000, result.Value!.Select(s => s.Link).Distinct().Count());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var emails = requests.Select(r => r.Email!.ToUpperInvariant()).ToList();
        Assert.Equal(1000, await db.Users.CountAsync(u => emails.Contains(u.NormalizedEmail!) && u.Status == MemberStatus.Invited));
        Assert.Equal(10, await (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
                                where emails.Contains(u.NormalizedEmail!) && r.Name == Roles.Admin select u.Id).CountAsync());
    }

    [Fact]
    public async Task A_member_cannot_invite()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<InvitationService>()
            .InviteAsync(Actor.Member("someone"), new InvitationRequest(AccountSteps.UniqueEmail("x"), "X", "Member"));

        Assert.Equal(ProblemCodes.AdminOnly, result.Problem?.Code);
    }
}
