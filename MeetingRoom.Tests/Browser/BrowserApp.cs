using System.Net;
using System.Net.Sockets;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Rooms;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace MeetingRoom.Tests.Browser;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a free port) for a real browser, with a <see cref="TestClock"/>
/// and a fresh SQLite file, plus one headless Debian chromium. Shared by the browser tests (one
/// collection, run one after another); each test opens its own browser contexts.
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    public const string Password = "Browser-pass-1";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meetingroom-browser", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private int _users;

    public TestClock Clock { get; } = new(MeetingRoomFactory.DefaultNow);

    /// <summary>The server's warnings and errors (shown when a page fails).</summary>
    public ServerLog Log { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public IServiceProvider Services => _app!.Services;

    /// <summary>Where screenshots and the accessibility report go: TestResults/screenshots at the repository root (not committed).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryFolder.Root, "TestResults", "screenshots");

    /// <summary>Extra settings ("--Key=value") for the app; by default no demo data.</summary>
    protected virtual IEnumerable<string> Settings => ["--Demo:Enabled=false"];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(ScreenshotFolder);
        var port = LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{port}";
        _app = MeetingRoomApp.Create(new WebApplicationOptions
        {
            // Development + the web assembly's name + its project folder: static web assets
            // (_framework/blazor.web.js, _content/MudBlazor/…) are served from the build output.
            EnvironmentName = Environments.Development,
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = RepositoryFolder.Web,
            Args =
            [
                $"--ConnectionStrings:MeetingRoom=Data Source={Path.Combine(_folder, "meetingroom.db")}",
                "--Identity:PasswordHasher:IterationCount=1000",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
                .. Settings,
            ],
        }, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(Clock);
            builder.Logging.AddProvider(Log);
            builder.WebHost.UseUrls(BaseUrl);
        });
        await _app.StartAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Creates an account (Member, or Admin + Member); returns its email.</summary>
    public async Task<string> CreateUserAsync(string displayName, bool admin = false)
    {
        var n = Interlocked.Increment(ref _users);
        var email = $"{(admin ? "admin" : "member")}{n}@browser.test";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await UserAccounts.EnsureAsync(users, email, displayName, Password,
            admin ? [Roles.Admin, Roles.Member] : [Roles.Member], resetPassword: false);
        return email;
    }

    /// <summary>Registers a room through the application service; returns its id.</summary>
    public async Task<int> CreateRoomAsync(string name, int floor, int capacity = 6, bool requiresApproval = false, params string[] equipment)
    {
        await using var scope = Services.CreateAsyncScope();
        var rooms = scope.ServiceProvider.GetRequiredService<RoomService>();
        var result = await rooms.CreateAsync(new RoomRequest(name, floor, capacity,
            equipment.Select(e => new EquipmentDto(e)).ToList(), requiresApproval));
        return result.Value?.Id ?? throw new InvalidOperationException(result.Problem!.Detail);
    }

    /// <summary>Deletes rooms (as an admin, through the application service), e.g. so a board shows only a test's own.</summary>
    public async Task DeleteRoomsAsync(params int[] roomIds)
    {
        await using var scope = Services.CreateAsyncScope();
        var rooms = scope.ServiceProvider.GetRequiredService<RoomService>();
        foreach (var id in roomIds) await rooms.DeleteAsync(Actor.Admin("browser-tests"), id);
    }

    /// <summary>Books through the application service as the member with <paramref name="email"/>; returns the booking.</summary>
    public async Task<BookingDto> BookAsync(string email, int roomId, DateOnly date, string start)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
                   ?? throw new InvalidOperationException(email);
        var result = await scope.ServiceProvider.GetRequiredService<BookingService>().BookAsync(
            Actor.Member(user.Id), user.DisplayName, new BookRequest(roomId, date.ToString("yyyy-MM-dd"), start));
        return result.Value ?? throw new InvalidOperationException(result.Problem!.Detail);
    }

    /// <summary>Cancels a booking through the application service as the member with <paramref name="email"/>.</summary>
    public async Task CancelAsync(string email, Guid bookingId)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
                   ?? throw new InvalidOperationException(email);
        var result = await scope.ServiceProvider.GetRequiredService<BookingService>().CancelAsync(Actor.Member(user.Id), bookingId, null);
        if (!result.IsOk) throw new InvalidOperationException(result.Problem!.Detail);
    }

    /// <summary>The schedule of a date as the app computes it (for ids the page does not show).</summary>
    public async Task<ScheduleDto> ScheduleAsync(DateOnly date)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduleQuery>().GetAsync(date);
    }

    /// <summary>
    /// A new browser context (own cookies), signed in as <paramref name="email"/>, on <paramref name="path"/> once interactive;
    /// with <paramref name="language"/> ("ko", "en") the context carries that language's cookie, as the header switch leaves it.
    /// </summary>
    public async Task<IPage> SignInAsync(string email, string path = "/", ViewportSize? viewport = null, string? language = null)
    {
        var context = await NewContextAsync(viewport);
        if (language is not null)
            await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = BaseUrl }]);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) => { lock (console) console.Add($"[{m.Type}] {m.Text}"); };
        page.PageError += (_, e) => { lock (console) console.Add($"[pageerror] {e}"); };
        page.Response += (_, r) => { if (r.Status >= 400) lock (console) console.Add($"[http {r.Status}] {r.Url}"); };
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(path);
        await page.WaitForURLAsync(url => url.Contains("/Account/Login"));
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        try
        {
            await WaitInteractiveAsync(page);
        }
        catch (TimeoutException e)
        {
            string log;
            lock (console) log = string.Join("\n", console);
            throw new TimeoutException($"The page {page.Url} did not become interactive. Browser console:\n{log}\nServer log:\n{string.Join("\n", Log.Entries)}", e);
        }
        return page;
    }

    /// <summary>A new browser context (own cookies) on the app; desktop-sized unless <paramref name="viewport"/> says otherwise.</summary>
    public Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = viewport ?? new ViewportSize { Width = 1360, Height = 900 },
        });

    /// <summary>A new browser context (no sign-in) on the wall display at <paramref name="path"/>, once it is live.</summary>
    public async Task<IPage> OpenBoardAsync(string path = "/board", ViewportSize? viewport = null)
    {
        var context = await NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=board-live]")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Waits until the Blazor circuit is up (the layout renders [data-interactive] then).</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 20_000 });

    /// <summary>How far the page scrolls sideways (0 when it fits the width).</summary>
    public static Task<int> SidewaysScrollAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>
    /// The visible buttons and tabs whose text breaks over more than one line, each as "text (n lines)": for every text node
    /// of two or more characters, the distinct line tops of its rendered boxes (a label that wraps one syllable per line has
    /// as many as it has syllables).
    /// </summary>
    public static Task<string[]> WrappedButtonTextsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const wrapped = [];
            for (const b of document.querySelectorAll('button, [role=tab], a.mud-button-root')) {
                if (!b.offsetParent) continue;
                const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    if (n.textContent.trim().length < 2) continue;
                    const range = document.createRange();
                    range.selectNodeContents(n);
                    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                    if (tops.size > 1) wrapped.push(`${n.textContent.trim()} (${tops.size} lines)`);
                }
            }
            return wrapped;
        }
        """);

    /// <summary>The MudBlazor snackbar that says <paramref name="text"/> (several may be up at once).</summary>
    public static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar").Filter(new() { HasText = text }).First;

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
