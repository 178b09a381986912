using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>Issue 15: each reproduction of the probe gives the expected answer.</summary>
public sealed class HardeningTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static readonly string Megabyte = new('x', 1024 * 1024);

    /// <summary>Asserts 400 invalid-input whose errors name <paramref name="field"/>.</summary>
    private static async Task ShouldNameInvalid(HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors do not name {field}");
    }

    // #1 (every spelling of the path: SecurityTests)
    [Fact]
    public async Task Closed_registration_answers_403_registration_closed_on_a_trailing_slash()
    {
        var response = await app.Anonymous().PostAsync("/api/auth/register/", new { email = "slash@test.local", password = "Long-enough-1" });
        await response.ShouldBeProblem(HttpStatusCode.Forbidden, ProblemCodes.RegistrationClosed);
    }

    // #2
    [Fact]
    public async Task Moving_the_period_of_a_meeting_in_progress_is_refused_409_listing_the_booking()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync("Timetable held"), Today, "10:00");
        await (await member.PostAsync($"/api/bookings/{id}/start")).ShouldBe(HttpStatusCode.OK);

        var response = await admin.PutAsync("/api/admin/timetable", new
        {
            timeZone = "Asia/Seoul",
            periods = new[] { new { start = "08:00", end = "09:50" }, new { start = "10:10", end = "11:20" } },
        });

        var problem = await response.ShouldBeProblem(HttpStatusCode.Conflict, ProblemCodes.TimetableInUse);
        Assert.Contains(id, problem.GetProperty("bookings").EnumerateArray().Select(b => b.GetGuid()));
    }

    // #3
    [Fact]
    public async Task An_equipment_quantity_of_int_max_is_refused_400_naming_equipment()
    {
        var admin = await app.SignInNewAsync(admin: true);

        var response = await admin.PostAsync("/api/rooms", new
        {
            name = "Overflow", floor = 1, capacity = 4, equipment = new[] { new { name = "Projector", quantity = int.MaxValue } },
        });

        await ShouldNameInvalid(response, "equipment");
    }

    [Fact]
    public async Task The_equipment_inventory_sums_quantities_at_the_maximum_without_overflow()
    {
        var admin = await app.SignInNewAsync(admin: true);
        foreach (var name in new[] { "Max A", "Max B" })
            await (await admin.PostAsync("/api/rooms", new
            {
                name, floor = 1, capacity = 4, equipment = new[] { new { name = "Sum-check lamp", quantity = 1000 } },
            })).ShouldBe(HttpStatusCode.Created);

        var kinds = await admin.GetJsonAsync<JsonElement>("/api/equipment");

        Assert.Equal(2000, kinds.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "Sum-check lamp").GetProperty("total").GetInt64());
    }

    // #5
    [Theory]
    [InlineData("{\"email\":null,\"password\":\"x\"}", "email")]
    [InlineData("{\"email\":\"a@test.local\",\"password\":null}", "password")]
    public async Task A_null_sign_in_field_is_400_naming_it(string body, string field)
    {
        var response = await app.Anonymous().Http.PostAsync("/api/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));

        await ShouldNameInvalid(response, field);
    }

    [Fact]
    public async Task A_null_period_in_the_timetable_is_400_naming_periods()
    {
        var admin = await app.SignInNewAsync(admin: true);

        var response = await admin.Http.PutAsync("/api/admin/timetable",
            new StringContent("{\"timeZone\":\"UTC\",\"periods\":[null]}", Encoding.UTF8, "application/json"));

        await ShouldNameInvalid(response, "periods");
    }

    // #6 and #10: every text and list is bounded and free of control characters
    public static TheoryData<string, string> BadTexts => new()
    {
        { "a megabyte", Megabyte },
        { "NUL", "Bad\0text" },
        { "BEL", "Bad\atext" },
        { "ESC", "Bad\u001btext" },
    };

    [Theory, MemberData(nameof(BadTexts))]
    public async Task A_room_name_that_is_too_long_or_has_control_characters_is_400_naming_name(string what, string text)
    {
        _ = what;
        var admin = await app.SignInNewAsync(admin: true);
        await ShouldNameInvalid(await admin.PostAsync("/api/rooms", new { name = text, floor = 1, capacity = 4 }), "name");
    }

    [Theory, MemberData(nameof(BadTexts))]
    public async Task An_equipment_name_that_is_too_long_or_has_control_characters_is_400_naming_equipment(string what, string text)
    {
        _ = what;
        var admin = await app.SignInNewAsync(admin: true);
        await ShouldNameInvalid(await admin.PostAsync("/api/rooms", new { name = $"Eq {Guid.NewGuid():N}", floor = 1, capacity = 4, equipment = new[] { new { name = text, quantity = 1 } } }), "equipment");
    }

    [Fact]
    public async Task Ten_thousand_equipment_lines_are_400_naming_equipment()
    {
        var admin = await app.SignInNewAsync(admin: true);
        await ShouldNameInvalid(await admin.PostAsync("/api/rooms", new
            {
                name = "Crowded", floor = 1, capacity = 4,
                equipment = Enumerable.Range(0, 10_000).Select(i => new { name = $"Thing {i}", quantity = 1 }),
            }), "equipment");
    }

    [Theory, MemberData(nameof(BadTexts))]
    public async Task A_cancellation_reason_that_is_too_long_or_has_control_characters_is_400_and_the_booking_stays(string what, string text)
    {
        _ = what;
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync($"Cancel {Guid.NewGuid():N}"), Today, "10:00");

        await ShouldNameInvalid(await member.PostAsync($"/api/bookings/{id}/cancel", new { reason = text }), "reason");
        Assert.Equal("Confirmed", (await member.GetJsonAsync<JsonElement>($"/api/bookings/{id}")).GetProperty("state").GetString());
    }

    [Theory, MemberData(nameof(BadTexts))]
    public async Task A_denial_reason_that_is_too_long_or_has_control_characters_is_400_naming_reason(string what, string text)
    {
        _ = what;
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync($"Deny {Guid.NewGuid():N}", requiresApproval: true), Today, "10:00");

        await ShouldNameInvalid(await admin.PostAsync($"/api/bookings/{id}/deny", new { reason = text }), "reason");
    }

    [Theory, MemberData(nameof(BadTexts))]
    public async Task An_out_of_service_reason_that_is_too_long_or_has_control_characters_is_400_naming_reason(string what, string text)
    {
        _ = what;
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync($"Oos {Guid.NewGuid():N}");

        await ShouldNameInvalid(await admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = text }), "reason");
    }

    [Fact]
    public async Task A_megabyte_sign_in_email_is_400_naming_email()
    {
        await ShouldNameInvalid(await app.Anonymous().PostAsync("/api/auth/login", new { email = Megabyte, password = "x" }), "email");
    }

    // #11
    [Fact]
    public async Task A_hub_request_without_a_connection_is_a_problem()
    {
        var response = await app.Anonymous().GetAsync("/hubs/schedule");

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);
    }

    [Fact]
    public void The_readme_lists_every_problem_code_with_its_status()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "README.md"));

        var missing = ProblemCodes.Statuses.Where(c => !readme.Contains($"`{c.Key}` ({c.Value})")).Select(c => $"`{c.Key}` ({c.Value})").ToList();

        Assert.True(missing.Count == 0, "README.md lacks: " + string.Join(", ", missing));
    }

    // #13
    [Fact]
    public async Task An_access_token_stops_working_when_its_owner_changes_the_password()
    {
        var member = await app.SignInNewAsync();
        await (await member.PostAsync("/api/auth/manage/info", new { oldPassword = Password, newPassword = "Changed-password-2" }))
            .ShouldBe(HttpStatusCode.OK);

        await (await member.GetAsync("/api/me/bookings")).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
    }

    [Fact]
    public async Task A_refresh_token_works_once()
    {
        var member = await app.SignInNewAsync();
        var tokens = await (await app.Anonymous().PostAsync("/api/auth/login", new { email = member.Email, password = Password })).Json();
        var refresh = new { refreshToken = tokens.GetProperty("refreshToken").GetString() };
        await (await app.Anonymous().PostAsync("/api/auth/refresh", refresh)).ShouldBe(HttpStatusCode.OK);

        await (await app.Anonymous().PostAsync("/api/auth/refresh", refresh)).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
    }
}

/// <summary>The app throwing on unreadable request bodies (as in Development), with every log entry kept.</summary>
public sealed class LogCapturingFactory : MeetingRoomFactory
{
    public ConcurrentQueue<(LogLevel Level, string Category, Exception? Exception)> Entries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(new Provider(Entries)));
        builder.ConfigureServices(s => s.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true));
    }

    private sealed class Provider(ConcurrentQueue<(LogLevel, string, Exception?)> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string category) => new Logger(category, entries);
        public void Dispose() { }
    }

    private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string, Exception?)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((level, category, exception));
    }
}

/// <summary>Issue 15 #12: a client's mistake is not logged as a failure of the app.</summary>
public sealed class ClientErrorLoggingTests(LogCapturingFactory app) : IClassFixture<LogCapturingFactory>
{
    [Fact]
    public async Task A_rejected_json_body_is_logged_below_warning_without_a_stack_trace()
    {
        var member = await app.SignInNewAsync();
        app.Entries.Clear();

        var response = await member.Http.PostAsync("/api/bookings", new StringContent("{\"roomId\": \"x", Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);
        var failures = app.Entries.Where(e => e.Level >= LogLevel.Warning && !e.Category.StartsWith("Microsoft.AspNetCore.DataProtection")).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Level} {f.Category} {f.Exception?.GetType().Name}")));
    }
}
