using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Issue 15's input-fuzzing suite: malformed requests generated over every operation of the OpenAPI
/// document — bad path parameters, wrong content types, unreadable JSON, arrays and primitives for
/// objects, duplicate keys, deep nesting, and each body field set to nulls, wrong types,
/// huge/negative/overflowing numbers, 1 MB strings, control characters, impossible dates and times —
/// sent once (deterministically: the same list every run) as an admin. Records every answer and whether
/// the data changed meanwhile.
/// </summary>
public sealed class FuzzCampaign : IAsyncLifetime
{
    public sealed record Answer(string Operation, string Request, int Status, string? ContentType, string? ProblemType, bool DataChanged);

    public MeetingRoomFactory App { get; } = new();
    public List<Answer> Answers { get; } = [];
    public HashSet<string> Operations { get; } = [];

    private ApiClient _admin = null!;
    private readonly Dictionary<string, JsonObject> _validBodies = new();
    private readonly Dictionary<string, string> _ids = new();

    private static readonly string Megabyte = new('x', 1024 * 1024);

    /// <summary>Values every body field is set to in turn (raw JSON).</summary>
    private static readonly string[] FieldValues =
    [
        "null", "0", "-1", "2147483648", "-2147483649", "9223372036854775808", "1e309", "-1e309", "1.5", "true", "[]", "{}", "[null]",
        "\"\"", "\" \"", $"\"{Megabyte}\"", "\"\\u0000\\u0007\\u001b\"", "\"2026-02-30\"", "\"24:61\"", "\"9999-12-31\"", "\"-0001-01-01\"",
        "\"\\u202e\\ud83d\\ude00\"", "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"",
    ];

    /// <summary>Whole bodies that are not the object an operation reads.</summary>
    private static readonly (string Body, string ContentType)[] Bodies =
    [
        ("", "application/json"), ("{", "application/json"), ("{\"a\":}", "application/json"), ("nul", "application/json"),
        ("[]", "application/json"), ("[{}]", "application/json"), ("1", "application/json"), ("\"text\"", "application/json"),
        ("null", "application/json"), ("true", "application/json"), ("\u0000", "application/json"),
        (new string('[', 200) + new string(']', 200), "application/json"), ("{}" + new string(' ', 1024 * 1024), "application/json"),
        ("{}", "text/plain"), ("<room/>", "application/xml"), ("name=x", "application/x-www-form-urlencoded"), ("{}", "application/octet-stream"),
    ];

    /// <summary>Path parameter values that are no id of anything (no %00: the test server refuses it before the app, as Kestrel does).</summary>
    private static readonly string[] BadIds =
    [
        "abc", "-1", "0", "99999999999999999999", "%01", "%1B", "1.5", "%20", "null", "%27%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd",
        "00000000-0000-0000-0000-00000000000g", new string('9', 5000), "1e3", "0x10",
    ];

    private static readonly string[] BadDates = ["tomorrow", "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "-1", "%00", "2026-11-23T10:00", new string('1', 5000), "2026%2F11%2F23"];

    public async Task InitializeAsync()
    {
        _admin = await App.SignInNewAsync(admin: true);
        var room = await _admin.CreateRoomAsync("Fuzz room");
        var approvalRoom = await _admin.CreateRoomAsync("Fuzz approval room", requiresApproval: true);
        var pending = await _admin.BookOkAsync(approvalRoom, Today, "10:00");
        _ids["rooms"] = room.ToString();
        _ids["bookings"] = pending.ToString();
        _ids["notifications"] = "1";
        ValidBodies(room);

        using var doc = JsonDocument.Parse(await (await _admin.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        var previous = await FingerprintAsync();
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _)))
            {
                var method = op.Name.ToUpperInvariant();
                var key = $"{method} {path.Name}";
                Operations.Add(key);
                foreach (var (url, content, description) in Requests(method, path.Name, op.Value, schemas))
                {
                    var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
                    var response = await _admin.Http.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    string? type = null;
                    if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
                        try { type = JsonDocument.Parse(text).RootElement.GetProperty("type").GetString(); } catch (JsonException) { }
                    var now = await FingerprintAsync();
                    Answers.Add(new Answer(key, $"{method} {Shorten(url)} {description}", (int)response.StatusCode,
                        response.Content.Headers.ContentType?.MediaType, type, now != previous));
                    previous = now;
                    // a new authenticator key is a new security stamp: it revokes the admin's token (sign in again)
                    if (key == "POST /api/auth/manage/2fa") _admin = await App.SignInAsync(_admin.Email!, Password);
                }
            }
    }

    private static string Shorten(string s) => s.Length > 120 ? s[..120] + "…" : s;

    private string Id(string path) => path.Contains("/bookings/") ? _ids["bookings"] : path.Contains("/notifications/") ? _ids["notifications"] : _ids["rooms"];

    private IEnumerable<(string Url, HttpContent? Content, string Description)> Requests(string method, string template, JsonElement op, JsonElement schemas)
    {
        var key = $"{method} {template}";
        var hasBody = op.TryGetProperty("requestBody", out var requestBody);
        var valid = _validBodies.GetValueOrDefault(key) ?? new JsonObject();
        HttpContent Json(string raw) => new StringContent(raw, Encoding.UTF8, "application/json");
        HttpContent? ValidBody() => hasBody ? Json(valid.ToJsonString()) : null;
        var url = template.Replace("{id}", Id(template));

        // Inputs no operation reads: junk and oversized query strings, an unreadable body, a wrong content type.
        yield return ($"{url}?id=abc&date=%00&__proto__=1&x[]=1&x[]=2", ValidBody(), "junk query");
        yield return ($"{url}?q={new string('q', 8000)}", ValidBody(), "8 KB query");
        yield return (url, new StringContent("{", Encoding.UTF8, "application/json"), "unreadable body");
        yield return (url, new StringContent("<x/>", Encoding.UTF8, "application/xml"), "xml body");

        if (template.Contains("{id}"))
            foreach (var bad in BadIds)
                yield return (template.Replace("{id}", bad), ValidBody(), "bad path id");

        if (template == "/api/schedule")
            foreach (var bad in BadDates)
                yield return ($"{url}?date={bad}", null, "bad date");
        if (template == "/api/auth/confirmEmail")
            foreach (var bad in BadDates)
                yield return ($"{url}?userId={bad}&code={bad}", null, "bad confirmation");

        if (!hasBody) yield break;

        foreach (var (body, type) in Bodies)
        {
            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            yield return (url, content, $"body '{Shorten(body)}' as {type}");
        }
        yield return (url, null, "no body");

        var properties = Properties(requestBody, schemas).ToList();
        foreach (var property in properties)
        {
            foreach (var value in FieldValues)
            {
                var body = (JsonObject)valid.DeepClone();
                body[property] = JsonNode.Parse(value == "1e309" || value == "-1e309" || value.Length > 1000 ? "0" : value);
                var raw = body.ToJsonString();
                if (value is "1e309" or "-1e309" || value.Length > 1000) raw = raw.Replace($"\"{property}\":0", $"\"{property}\":{value}");
                yield return (url, Json(raw), $"{property}={Shorten(value)}");
            }
            // the same key twice, the second one malformed
            var duplicate = valid.ToJsonString().TrimEnd('}');
            yield return (url, Json($"{duplicate}{(duplicate.Length > 1 ? "," : "")}\"{property}\":1,\"{property}\":\"{Megabyte[..10]}\"}}"), $"{property} twice");
        }
        // an array of a thousand elements for every list field
        foreach (var property in properties.Where(p => p is "equipment" or "periods"))
        {
            var body = (JsonObject)valid.DeepClone();
            body[property] = new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode?)new JsonObject { ["name"] = $"n{i}", ["start"] = "10:00", ["end"] = "09:00" }).ToArray());
            yield return (url, Json(body.ToJsonString()), $"{property} × 1000");
        }
    }

    private static IEnumerable<string> Properties(JsonElement requestBody, JsonElement schemas)
    {
        if (!requestBody.TryGetProperty("content", out var content)) yield break;
        foreach (var media in content.EnumerateObject())
        {
            if (!media.Value.TryGetProperty("schema", out var schema)) continue;
            if (schema.TryGetProperty("$ref", out var reference))
                schema = schemas.GetProperty(reference.GetString()!.Split('/').Last());
            if (!schema.TryGetProperty("properties", out var properties)) continue;
            foreach (var p in properties.EnumerateObject()) yield return p.Name;
            yield break;
        }
    }

    private void ValidBodies(int room)
    {
        JsonObject Room() => new() { ["name"] = "Fuzz created", ["floor"] = 1, ["capacity"] = 4, ["requiresApproval"] = false, ["equipment"] = new JsonArray(new JsonObject { ["name"] = "Lamp", ["quantity"] = 1 }) };
        _validBodies["POST /api/rooms"] = Room();
        _validBodies["PUT /api/rooms/{id}"] = Room();
        _validBodies["POST /api/rooms/{id}/out-of-service"] = new() { ["reason"] = "Fuzz" };
        _validBodies["POST /api/bookings"] = new() { ["roomId"] = room, ["date"] = Today, ["start"] = "13:00" };
        _validBodies["POST /api/bookings/{id}/cancel"] = new() { ["reason"] = "Fuzz" };
        _validBodies["POST /api/bookings/{id}/deny"] = new() { ["reason"] = "Fuzz" };
        _validBodies["PUT /api/admin/timetable"] = new() { ["timeZone"] = "Asia/Seoul", ["periods"] = new JsonArray(new JsonObject { ["start"] = "10:00", ["end"] = "11:50" }) };
        _validBodies["PUT /api/admin/booking-window"] = new() { ["mode"] = "AtPeriodStart" };
        _validBodies["POST /api/auth/login"] = new() { ["email"] = "nobody@fuzz.local", ["password"] = "Fuzz-password-1" };
        _validBodies["POST /api/auth/register"] = new() { ["email"] = "new@fuzz.local", ["password"] = "Fuzz-password-1" };
        _validBodies["POST /api/auth/refresh"] = new() { ["refreshToken"] = "fuzz" };
        _validBodies["POST /api/auth/resendConfirmationEmail"] = new() { ["email"] = "nobody@fuzz.local" };
        _validBodies["POST /api/auth/forgotPassword"] = new() { ["email"] = "nobody@fuzz.local" };
        _validBodies["POST /api/auth/resetPassword"] = new() { ["email"] = "nobody@fuzz.local", ["resetCode"] = "fuzz", ["newPassword"] = "Fuzz-password-1" };
    }

    /// <summary>The state a request may change: rooms and equipment, bookings, settings, accounts, events written.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rooms = await db.Rooms.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        var bookings = await db.Bookings.AsNoTracking().OrderBy(b => b.Id).Select(b => new { b.Id, b.State, b.Reason }).ToListAsync();
        var settings = await db.SiteSettings.AsNoTracking().Select(s => s.Version).ToListAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Email, u.PasswordHash, u.SecurityStamp, u.LockoutEnd }).ToListAsync();
        var outbox = await db.Outbox.MaxAsync(m => (long?)m.Id);
        return JsonSerializer.Serialize(new
        {
            rooms = rooms.Select(r => new { r.Id, r.Name, r.Version, r.IsOutOfService, r.OutOfServiceReason, r.DeletedAt, Equipment = r.Equipment.Select(e => $"{e.Name}×{e.Quantity}") }),
            bookings, settings, users, outbox,
        });
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class InputFuzzingTests(FuzzCampaign fuzz, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FuzzCampaign>
{
    [Fact]
    public void At_least_a_thousand_malformed_requests_are_sent()
    {
        output.WriteLine($"{fuzz.Answers.Count} requests over {fuzz.Operations.Count} operations: " +
                         string.Join(", ", fuzz.Answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.True(fuzz.Answers.Count >= 1000, $"only {fuzz.Answers.Count} requests");
    }

    [Fact]
    public void Every_operation_of_the_document_gets_malformed_requests()
    {
        var missed = fuzz.Operations.Except(fuzz.Answers.Select(a => a.Operation)).Order().ToList();
        Assert.Empty(missed);
    }

    [Fact]
    public void No_malformed_request_is_answered_with_a_server_error()
    {
        var errors = fuzz.Answers.Where(a => a.Status >= 500).Select(a => $"{a.Status} {a.Request}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(30)));
    }

    [Fact]
    public void Every_client_error_is_a_problem_with_a_stable_type()
    {
        var bad = fuzz.Answers.Where(a => a.Status is >= 400 and < 500
                                          && (a.ContentType != "application/problem+json" || a.ProblemType?.StartsWith(AppProblem.TypePrefix) != true))
            .Select(a => $"{a.Status} {a.ContentType} {a.ProblemType} {a.Request}").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Take(30)));
    }

    [Fact]
    public void No_refused_request_changed_any_data()
    {
        var changed = fuzz.Answers.Where(a => a.Status >= 400 && a.DataChanged).Select(a => $"{a.Status} {a.Request}").ToList();
        Assert.True(changed.Count == 0, string.Join("\n", changed.Take(30)));
    }
}
