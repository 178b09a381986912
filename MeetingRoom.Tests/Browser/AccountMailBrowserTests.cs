using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Members.Invitations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>The browser app with email on, sending to a real SMTP server on loopback started with it.</summary>
public sealed class MailBrowserApp : BrowserApp, IAsyncLifetime
{
    public SmtpSink Smtp { get; } = new SmtpSink().Start();

    protected override IEnumerable<string> Settings =>
    [
        .. base.Settings, "--Smtp:Host=127.0.0.1", $"--Smtp:Port={Smtp.Port}", "--Smtp:From=MeetingRoom <rooms@browser.test>",
        "--Outbox:BackoffMilliseconds=100", "--Outbox:MaxBackoffMilliseconds=400",
    ];

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Smtp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MailBrowserCollection : ICollectionFixture<MailBrowserApp>
{
    public const string Name = "Browser with email";
}

/// <summary>
/// Invitations, password reset and the profile in a real browser (issue 20, item 4): the links from the captured mails,
/// each page scanned by axe (no serious or critical violation) at desktop and phone sizes, no sideways scrolling at 390 px.
/// </summary>
[Collection(MailBrowserCollection.Name)]
public sealed class AccountMailBrowserTests(MailBrowserApp app)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };

    private static string UniqueEmail(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}@browser.test";

    private static async Task ScanAsync(IPage page, string name, List<string> violations)
    {
        await BrowserApp.ScreenshotAsync(page, name);
        violations.AddRange(await AxeScan.SeriousAsync(page, name));
        var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (sideways > 0) violations.Add($"{name}: scrolls sideways by {sideways}px");
    }

    private static void AssertNone(List<string> violations) =>
        Assert.True(violations.Count == 0, "Accessibility or layout problems:\n" + string.Join("\n", violations));

    private async Task<string> MailedLinkAsync(string email, string path, int count = 1) =>
        PageForms.LinkTo((await app.Smtp.WaitForAsync(email, count))[count - 1].Message.TextBody, path);

    [Fact]
    public async Task An_invited_member_opens_the_mailed_link_sets_a_password_and_is_signed_in()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        // An admin has used the site: links mailed from a circuit (no request) take the address they used.
        var admin = await app.SignInAsync(await app.CreateUserAsync("Invite Admin", admin: true));
        await admin.Context.CloseAsync();
        var email = UniqueEmail("invited");
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<InvitationService>()
                .InviteAsync(Actor.Admin("browser-admin"), new InvitationRequest(email, "Hana Cho", "Member"))).IsOk);
        var link = await MailedLinkAsync(email, AccountLinks.AcceptInvitationPath);
        Assert.Contains(app.BaseUrl + link, (await app.Smtp.WaitForAsync(email))[0].Message.TextBody);
        var violations = new List<string>();

        var context = await app.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Welcome to MeetingRoom");
        await ScanAsync(page, "accept-invitation-390", violations);
        await page.FillAsync("#password", "Short");
        await page.FillAsync("#confirm-password", "Short");
        await page.ClickAsync("[data-testid=accept]");
        await Expect(page.Locator("[data-field-error=password]")).ToContainTextAsync("At least 8 characters.");
        await page.FillAsync("#password", "Browser-new-1!");
        await page.FillAsync("#confirm-password", "Browser-new-1!");
        await page.ClickAsync("[data-testid=accept]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await BrowserApp.WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("Hana Cho");

        var again = await (await app.NewContextAsync(Desktop)).NewPageAsync();
        await again.GotoAsync(link);
        await Expect(again.Locator("[data-testid=invalid-link]")).ToContainTextAsync("expired or was already used");
        await again.Context.CloseAsync();
        await context.CloseAsync();
        AssertNone(violations);
    }

    [Fact]
    public async Task A_member_who_forgot_the_password_resets_it_from_the_mail_and_signs_in()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var email = await app.CreateUserAsync("Reset Kim");
        var violations = new List<string>();
        var context = await app.NewContextAsync(Phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.ClickAsync("[data-testid=forgot-password]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Forgot your password?");
        await ScanAsync(page, "forgot-password-390", violations);
        await page.FillAsync("#email", email);
        await page.ClickAsync("[data-testid=send-reset]");
        await Expect(page.Locator("[data-testid=reset-sent]")).ToContainTextAsync("works for 2 hours");

        await page.GotoAsync(await MailedLinkAsync(email, AccountLinks.ResetPasswordPath));
        await ScanAsync(page, "reset-password-390", violations);
        await page.FillAsync("#password", "Browser-reset-2!");
        await page.FillAsync("#confirm-password", "Browser-reset-2!");
        await page.ClickAsync("[data-testid=reset]");
        await Expect(page.Locator("[data-testid=reset-done]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=go-sign-in]");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Browser-reset-2!");
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/"));
        await BrowserApp.WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("Reset Kim");
        await context.CloseAsync();
        AssertNone(violations);
    }

    [Fact]
    public async Task On_the_profile_a_member_renames_themselves_turns_email_off_changes_the_password_and_the_language()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var email = await app.CreateUserAsync("Profile Park");
        var violations = new List<string>();
        var page = await app.SignInAsync(email, "/account/profile", Desktop);
        await Expect(page.Locator("[data-testid=profile-api-tokens] h2")).ToHaveTextAsync("API tokens");
        await ScanAsync(page, "profile-1440", violations);
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-drawer--open')"); // the menu folds away on a phone
        await ScanAsync(page, "profile-390", violations);
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);

        await page.FillAsync("#profile-name", "Profile Park Jr");
        await page.ClickAsync("[data-testid=save-name]");
        await Expect(page.Locator("[data-testid=saved]")).ToHaveTextAsync("Your name is saved.");
        await BrowserApp.WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("Profile Park Jr");

        await page.Locator("[data-testid=profile-email] input[type=checkbox]").ClickAsync();
        await Expect(BrowserApp.Snackbar(page, "Email off")).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=open-change-password]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Change your password");
        await ScanAsync(page, "change-password-1440", violations);
        await page.FillAsync("#current-password", BrowserApp.Password);
        await page.FillAsync("#new-password", "Browser-changed-3!");
        await page.FillAsync("#confirm-password", "Browser-changed-3!");
        await page.ClickAsync("[data-testid=change-password]");
        await Expect(page.Locator("[data-testid=saved]")).ToContainTextAsync("Your password is changed.");
        await BrowserApp.WaitInteractiveAsync(page);

        await page.Locator("[data-testid=profile-language] input[type=radio]").First.CheckAsync(); // 한국어, first of the list
        await page.ClickAsync("[data-testid=save-language]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("내 프로필");
        await Expect(page.Locator("[data-testid=saved]")).ToHaveTextAsync("언어를 저장했습니다.");
        await BrowserApp.ScreenshotAsync(page, "profile-ko-1440");
        await page.Context.CloseAsync();
        AssertNone(violations);
    }
}
