using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Account = MeetingRoom.Tests.Support.OidcProvider.Account;

namespace MeetingRoom.Tests.Browser;

/// <summary>
/// The app signing people in through a real OpenID Connect provider (npm oidc-provider on 127.0.0.1), configured as a
/// company would: admins are the members of the provider's group <see cref="AdminGroup"/>, and only
/// <see cref="AllowedDomain"/> may sign in. The provider's port is chosen first (the app's settings name it); the
/// provider starts once the app's port is known (its client's redirect URI).
/// </summary>
public sealed class SsoBrowserApp : BrowserApp, IAsyncLifetime
{
    public const string ButtonText = "Sign in with Contoso";
    public const string AdminGroup = "mr-admins";
    public const string AllowedDomain = "contoso.test";

    public OidcProvider Provider { get; } = new();

    protected override IEnumerable<string> Settings =>
    [
        .. base.Settings,
        .. Provider.AppSettings(ButtonText),
        $"--Auth:Oidc:AdminGroups:0={AdminGroup}",
        $"--Auth:Oidc:AllowedDomains:0={AllowedDomain}",
    ];

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await Provider.StartAsync(BaseUrl);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Provider.DisposeAsync();
        await DisposeAsync();
    }
}

/// <summary>
/// Issue 20's single sign-on, in a real browser: "Sign in with …" → the provider's login → back in MeetingRoom as a
/// new member; the provider's admin group makes an Admin and leaving it takes the role at the next sign-in; a person of
/// another domain is refused with a clear message; the sign-in page passes axe with single sign-on on.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SingleSignOnBrowserTests(SsoBrowserApp app) : IClassFixture<SsoBrowserApp>
{
    private static readonly Dictionary<string, Account> People = new()
    {
        ["ada"] = new Account("ada@contoso.test", "Ada Lovelace", Locale: "en-GB"),
        ["grace"] = new Account("grace@contoso.test", "Grace Hopper", Locale: "en-US", Groups: [SsoBrowserApp.AdminGroup, "engineering"]),
        ["mallory"] = new Account("mallory@fabrikam.test", "Mallory Outsider", Locale: "en-US"),
    };

    [Fact]
    public async Task A_new_person_signs_in_with_the_provider_and_becomes_a_member()
    {
        app.Provider.SetAccounts(People);
        var page = await NewPageAsync();

        await SignInWithProviderAsync(page, "ada");

        await Expect(page.Locator(".app-user__text")).ToHaveTextAsync("Ada Lovelace");
        var member = await MemberAsync("ada@contoso.test");
        Assert.NotNull(member);
        Assert.Equal(["Member"], member.Value.Roles);
    }

    [Fact]
    public async Task The_provider_admin_group_makes_an_admin_and_leaving_it_takes_the_role_at_the_next_sign_in()
    {
        await app.CreateUserAsync("Another Admin", admin: true); // so that grace is never the last active admin
        app.Provider.SetAccounts(People);
        var page = await NewPageAsync();

        await SignInWithProviderAsync(page, "grace");
        await Expect(page.Locator(".role-chip")).ToBeVisibleAsync();
        Assert.Contains(Roles.Admin, (await MemberAsync("grace@contoso.test"))!.Value.Roles);

        app.Provider.SetAccounts(new Dictionary<string, Account>(People) { ["grace"] = People["grace"] with { Groups = ["engineering"] } });
        await page.ClickAsync("form[action='/Account/Logout'] button");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login"));
        await page.ClickAsync("[data-testid=sso-sign-in]"); // still signed in at the provider: straight back
        await WaitForAsync(page, url => url.StartsWith(app.BaseUrl) && !url.Contains("/Account/") && !url.Contains("/signin-oidc"), "back in MeetingRoom");
        await BrowserApp.WaitInteractiveAsync(page);

        await Expect(page.Locator(".app-user__text")).ToHaveTextAsync("Grace Hopper");
        await Expect(page.Locator(".role-chip")).ToHaveCountAsync(0);
        Assert.DoesNotContain(Roles.Admin, (await MemberAsync("grace@contoso.test"))!.Value.Roles);
    }

    [Fact]
    public async Task A_person_of_a_domain_not_allowed_is_refused_with_a_message_and_no_member_is_created()
    {
        app.Provider.SetAccounts(People);
        var page = await NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.ClickAsync("[data-testid=sso-sign-in]");
        await LogInAtProviderAsync(page, "mallory");
        await WaitForAsync(page, url => url.Contains("/Account/Login") && url.Contains("error=domain-not-allowed"), "refused");

        await Expect(page.Locator("[data-testid=sign-in-error]")).ToContainTextAsync("email domains");
        Assert.Null(await MemberAsync("mallory@fabrikam.test"));
        Assert.DoesNotContain(app.Log.Entries, e => e.StartsWith("Error") || e.StartsWith("Critical"));
    }

    [Fact]
    public async Task The_sign_in_page_with_single_sign_on_passes_axe()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login?error=sso-failed");
        await Expect(page.Locator("[data-testid=sso-sign-in]")).ToHaveTextAsync(SsoBrowserApp.ButtonText);

        Assert.Empty(await AxeScan.SeriousAsync(page, "sign-in with single sign-on"));
    }

    /// <summary>What the browser said (console, failed requests): shown when a step times out.</summary>
    private readonly List<string> _browser = [];

    [Fact]
    public async Task The_sign_in_page_with_single_sign_on_fits_a_phone_in_Korean()
    {
        var page = await NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/Account/Login?lang=ko&error=linked-to-another-account");
        await Expect(page.Locator("[data-testid=sign-in-error]")).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - innerWidth");

        await BrowserApp.ScreenshotAsync(page, "sign-in-sso-phone-ko");
        Assert.True(overflow <= 0, $"The sign-in page scrolls sideways by {overflow}px at 390px.");
    }

    private async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await app.NewContextAsync(viewport);
        // The provider's development login page links a web font: no request leaves 127.0.0.1.
        await context.RouteAsync(url => !url.StartsWith("http://127.0.0.1:"), route => route.AbortAsync());
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        page.Console += (_, m) => { lock (_browser) _browser.Add($"[{m.Type}] {m.Text}"); };
        page.Response += (_, r) => { if (r.Status >= 400) lock (_browser) _browser.Add($"[http {r.Status}] {r.Url}"); };
        return page;
    }

    /// <summary>Waits for <paramref name="url"/>; on a timeout, says where the browser is and what the app, the provider and the browser said.</summary>
    private async Task WaitForAsync(IPage page, Func<string, bool> url, string what)
    {
        try
        {
            await page.WaitForURLAsync(url);
        }
        catch (TimeoutException e)
        {
            string browser;
            lock (_browser) browser = string.Join("\n", _browser);
            throw new TimeoutException($"Not {what}: at {page.Url}\nBrowser:\n{browser}\nServer log:\n{string.Join("\n", app.Log.Entries)}\nProvider:\n{app.Provider.Output}", e);
        }
    }

    /// <summary>From a member page: the sign-in page, "Sign in with Contoso", the provider's login, back on the page once interactive.</summary>
    private async Task SignInWithProviderAsync(IPage page, string sub)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login"));
        await page.ClickAsync("[data-testid=sso-sign-in]");
        await LogInAtProviderAsync(page, sub);
        await WaitForAsync(page, url => url.StartsWith(app.BaseUrl) && !url.Contains("/Account/") && !url.Contains("/signin-oidc"), "back in MeetingRoom");
        await BrowserApp.WaitInteractiveAsync(page);
    }

    /// <summary>The provider's development login form: the login is the account's sub, any password.</summary>
    private async Task LogInAtProviderAsync(IPage page, string sub)
    {
        await WaitForAsync(page, url => url.StartsWith(app.Provider.Authority), "at the provider's login");
        await page.FillAsync("input[name=login]", sub);
        await page.FillAsync("input[name=password]", "any password");
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>The member with <paramref name="email"/> and their roles, or null.</summary>
    private async Task<(AppUser User, IList<string> Roles)?> MemberAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is null ? null : (user, await users.GetRolesAsync(user));
    }
}
