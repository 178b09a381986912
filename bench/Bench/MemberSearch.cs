using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Bench;

/// <summary>
/// "Members search p95 with N members" (issue 20): a fresh SQLite file gets an admin (UserManager) and N members
/// inserted in bulk through the app's DbContext (varied Korean and English names, a few domains, every status, some
/// admins); the published app is started on it; then <c>--searches</c> requests of <c>GET /api/admin/members</c> with
/// varied terms (parts of names and emails, misses, filters, deeper pages), one at a time, after a warm-up, and the
/// export of everyone once. Latency is from the request to the last byte of the answer.
/// </summary>
public static class MemberSearch
{
    private static readonly string[] FamilyNames = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Smith", "Garcia", "Müller", "Martin", "Rossi", "Nguyen", "김", "이", "박", "최"];
    private static readonly string[] GivenNames = ["Minji", "Jisoo", "Yuna", "Seojun", "Hana", "Doyun", "Emma", "Lucas", "Noah", "Olivia", "Sofia", "Mateo", "민지", "지수", "서준", "하나"];
    private static readonly string[] Domains = ["corp.example", "sales.corp.example", "lab.example", "partner.example"];

    private static readonly string[] Searches =
    [
        "kim", "park", "minji", "jisoo s", "müller", "nguyen 12", "민지", "김", "박 지수", "@lab.example", "sales.corp", "m01234", "0042",
        "olivia.garcia", "zzz-nobody", "choi yuna", "LEE", "hana", "x", "partner",
    ];

    private static readonly string[] Filters =
    [
        "", "", "", "&role=Admin", "&status=Invited", "&status=Active&role=Member", "&pageSize=100", "&page=3", "&page=20&pageSize=50", "&status=Deactivated",
    ];

    public static async Task<int> RunAsync(Args a)
    {
        var appDir = Path.GetFullPath(a.Req("--app"));
        var db = Path.GetFullPath(a.Req("--db"));
        var port = a.Int("--port", 5192);
        var count = a.Int("--members", 10_000);
        var searches = a.Int("--searches", 200);
        var password = Environment.GetEnvironmentVariable("BENCH_PASSWORD") ?? throw new ArgumentException("BENCH_PASSWORD not set");
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);

        var seedTime = Stopwatch.StartNew();
        await SeedAsync(db, count, password);
        var seedSeconds = seedTime.Elapsed.TotalSeconds;
        Json.Log($"members: {count} members seeded in {seedSeconds:F1} s");

        var psi = new ProcessStartInfo(Path.Combine(appDir, "MeetingRoom.Web"))
        {
            WorkingDirectory = appDir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ConnectionStrings__MeetingRoom"] = $"Data Source={db}";
        psi.Environment["Identity__PasswordHasher__IterationCount"] = "1000";
        psi.Environment["Security__RequireHttps"] = "false";
        psi.Environment["SignInRateLimit__PermitLimit"] = "0";
        using var app = Process.Start(psi)!;
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, _) => { };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        var cpu = new CpuMeter(app.Id);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var ready = Stopwatch.StartNew();
            while (true)
            {
                try { if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) break; }
                catch (HttpRequestException) { }
                if (ready.Elapsed > TimeSpan.FromSeconds(60) || app.HasExited) throw new InvalidOperationException("the app did not get ready");
                await Task.Delay(20);
            }
            var token = await Load.LoginAsync(http, Seed.AdminEmail, password);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            for (var i = 0; i < 30; i++) await TimedGetAsync(http, Query(i)); // warm-up: JIT, caches, the site rules
            cpu = new CpuMeter(app.Id);
            var all = new Latencies();
            var withSearch = new Latencies();
            var firstPage = new Latencies();
            long failures = 0, rows = 0;
            for (var i = 0; i < searches; i++)
            {
                var query = Query(i);
                var (ticks, ok, items) = await TimedGetAsync(http, query);
                if (!ok) failures++;
                rows += items;
                all.Add(ticks);
                if (query.Contains("search=")) withSearch.Add(ticks);
                else firstPage.Add(ticks);
            }
            var cpuUse = cpu.Stop();
            var export = Stopwatch.StartNew();
            var csv = await http.GetByteArrayAsync("/api/admin/members/export");
            var exportMs = export.Elapsed.TotalMilliseconds;

            var result = new JsonObject
            {
                ["members"] = count, ["searches"] = searches, ["seedSeconds"] = Math.Round(seedSeconds, 1), ["failures"] = failures,
                ["rowsReturned"] = rows, ["all"] = all.ToJson(), ["withSearchTerm"] = withSearch.ToJson(), ["withoutSearchTerm"] = firstPage.ToJson(),
                ["cpu"] = cpuUse, ["exportMs"] = Math.Round(exportMs, 1), ["exportBytes"] = csv.Length,
            };
            Json.Write(a.Req("--out"), result);
            var p = all.ToJson();
            Json.Log($"members: {searches} list requests with {count} members: p50 {p["p50"]} ms, p95 {p["p95"]} ms, p99 {p["p99"]} ms, max {p["max"]} ms; " +
                     $"{failures} failed; export of all in {exportMs:F0} ms ({csv.Length / 1024} KiB)");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            try { app.Kill(entireProcessTree: true); app.WaitForExit(10_000); } catch { }
        }
    }

    /// <summary>The i-th request: a term (three in four requests) with a filter or a page.</summary>
    private static string Query(int i)
    {
        var term = i % 4 == 3 ? "" : "search=" + Uri.EscapeDataString(Searches[i % Searches.Length]);
        return "/api/admin/members?" + term + Filters[(i / 3) % Filters.Length];
    }

    private static async Task<(long Ticks, bool Ok, int Items)> TimedGetAsync(HttpClient http, string path)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var ticks = Stopwatch.GetTimestamp() - start;
        var items = response.IsSuccessStatusCode ? JsonNode.Parse(body)?["items"]?.AsArray().Count ?? 0 : 0;
        return (ticks, response.IsSuccessStatusCode, items);
    }

    /// <summary>The admin through UserManager (it signs in), the members straight into the tables (2,000 a save).</summary>
    private static async Task SeedAsync(string db, int count, string password)
    {
        var app = MeetingRoomApp.Create(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = Path.GetDirectoryName(db),
            Args = [$"--ConnectionStrings:MeetingRoom=Data Source={db}", "--Identity:PasswordHasher:IterationCount=1000", "--Logging:LogLevel:Default=Warning"],
        });
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var ctx = sp.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(ctx, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, default);
        await UserAccounts.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        await UserAccounts.EnsureAsync(sp.GetRequiredService<UserManager<AppUser>>(), Seed.AdminEmail, "Bench Admin", password,
            [Roles.Admin, Roles.Member], resetPassword: false);
        var roles = await ctx.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var random = new Random(20);
        for (var i = 1; i <= count; i++)
        {
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            var given = GivenNames[random.Next(GivenNames.Length)];
            var name = family.Length == 1 ? $"{family}{given}" : $"{given} {family} {i % 100:00}";
            var email = $"m{i:00000}.{Ascii(given)}.{Ascii(family)}@{Domains[i % Domains.Length]}";
            var status = i % 20 == 0 ? MemberStatus.Invited : i % 50 == 0 ? MemberStatus.Deactivated : MemberStatus.Active;
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = name, Status = status, PasswordHash = status == MemberStatus.Invited ? null : "bench-no-sign-in",
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                LastSignInAt = status == MemberStatus.Active ? DateTimeOffset.UtcNow.AddMinutes(-random.Next(60 * 24 * 90)) : null,
            };
            ctx.Users.Add(user);
            ctx.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[Roles.Member] });
            if (i % 250 == 0) ctx.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[Roles.Admin] });
            if (i % 3 == 0) ctx.UserLogins.Add(new IdentityUserLogin<string> { UserId = user.Id, LoginProvider = "oidc", ProviderKey = $"sub-{i}", ProviderDisplayName = "SSO" });
            if (i % 2000 == 0)
            {
                await ctx.SaveChangesAsync();
                ctx.ChangeTracker.Clear();
            }
        }
        await ctx.SaveChangesAsync();
    }

    private static string Ascii(string name) =>
        new string(name.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray()) is { Length: > 0 } ascii ? ascii : "kr";
}
