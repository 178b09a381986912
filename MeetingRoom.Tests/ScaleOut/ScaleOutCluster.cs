using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.ScaleOut;

/// <summary>
/// PostgreSQL + Redis + two app instances (A, B) + nginx in front, all on 127.0.0.1, started by the test run
/// from Debian's packages and stopped at its end. Demo data (12 rooms, admin@demo.local, member1…10@demo.local)
/// is seeded by A; the booking window is opened 14 days ahead and the member limits are off, so tests book
/// future dates at any time of day.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    public const string Password = "Scale-out-password-1";

    public PostgresServer Database { get; private set; } = null!;
    public RedisServer Redis { get; private set; } = null!;
    public AppInstance A { get; private set; } = null!;
    public AppInstance B { get; private set; } = null!;
    public NginxServer Nginx { get; private set; } = null!;
    /// <summary>The instances' PostgreSQL connection string (for a test that writes as a third instance would).</summary>
    public string DatabaseConnection { get; private set; } = "";
    public string Repository { get; } = RepositoryFolder.Root;

    public async Task InitializeAsync()
    {
        Database = await Task.Run(PostgresServer.StartNew); // its own cluster: a test stops it
        var connection = DatabaseConnection = await Database.CreateDatabaseAsync();
        Redis = await RedisServer.StartAsync();
        A = new AppInstance("A", Repository, connection, Redis.ConnectionString, seedsDemo: true);
        B = new AppInstance("B", Repository, connection, Redis.ConnectionString, seedsDemo: false);
        await A.StartAsync(); // migrates and seeds first
        await B.StartAsync();
        Nginx = await NginxServer.StartAsync(Repository, A.Port, B.Port);

        using var admin = await SignInAsync(A.BaseUrl, "admin@demo.local");
        (await admin.PutAsJsonAsync("/api/admin/booking-window", new { mode = "LeadTime", leadMinutes = 14 * 24 * 60, dailyAt = "08:00", daysBefore = 1 })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/admin/booking-limits", new { maxPerPeriod = 0, maxPerDay = 0, maxUpcoming = 0, adminsExempt = false })).EnsureSuccessStatusCode();
        Schedule = await admin.GetFromJsonAsync<JsonElement>($"/api/schedule?date={Day(1)}");
        // No wait for B: a booking there is decided under these settings at once (the rooms carry their version).
    }

    /// <summary>A schedule snapshot (rooms and periods) read at start.</summary>
    public JsonElement Schedule { get; private set; }

    /// <summary>The rooms that need no approval (a booking of them is confirmed at once).</summary>
    public IReadOnlyList<int> RoomIds => Schedule.GetProperty("rooms").EnumerateArray()
        .Where(r => !r.GetProperty("requiresApproval").GetBoolean()).Select(r => r.GetProperty("roomId").GetInt32()).ToList();
    public string RoomName(int id) => Schedule.GetProperty("rooms").EnumerateArray().First(r => r.GetProperty("roomId").GetInt32() == id).GetProperty("name").GetString()!;
    public IReadOnlyList<string> PeriodStarts => Schedule.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("start").GetString()!).ToList();

    /// <summary>The site-local date <paramref name="days"/> from today (Asia/Seoul), "YYYY-MM-DD".</summary>
    public static string Day(int days) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).DateTime).AddDays(days).ToString("yyyy-MM-dd");

    /// <summary>An HTTP client of <paramref name="baseUrl"/> signed in (bearer token) as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignInAsync(string baseUrl, string email)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>What the servers printed, for a failure message.</summary>
    public string Logs => $"--- A ---\n{A.Output}\n--- B ---\n{B.Output}\n--- nginx ---\n{Nginx?.ErrorLog}";

    public async Task DisposeAsync()
    {
        Nginx?.Dispose();
        A?.Dispose();
        B?.Dispose();
        Redis?.Dispose();
        if (Database is not null) await Database.StopAsync(); // its folder goes at process exit
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutCluster>
{
    public const string Name = "scale-out";
}
