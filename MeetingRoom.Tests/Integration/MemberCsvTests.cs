using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MeetingRoom.Domain.Members;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// CSV import and export of members (P1), the parts that do not invite anyone: the preview's per-line errors for a
/// 1,000-line file, a real run with a bad line that writes nothing, bad files (not CSV, no header, too large, wrong
/// type) and the export's format and formula-injection defence. The real run that invites is in
/// <see cref="MemberAdminFlowTests"/>.
/// </summary>
public sealed class MemberCsvTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static string Token() => "c" + Guid.NewGuid().ToString("N")[..8];

    private static StringContent Csv(string text, string type = "text/csv") => new(text, Encoding.UTF8, type);

    private static Task<HttpResponseMessage> ImportAsync(ApiClient admin, HttpContent body, bool dryRun) =>
        admin.Http.PostAsync($"/api/admin/members/import?dryRun={(dryRun ? "true" : "false")}", body);

    private async Task<int> UsersAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync();
    }

    private static Dictionary<int, string[]> ErrorsByLine(JsonElement report) =>
        report.GetProperty("lines").EnumerateArray()
            .ToDictionary(l => l.GetProperty("line").GetInt32(), l => l.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToArray());

    /// <summary>A 1,000-line file whose lines 101, 202, … are bad in the ways the issue names.</summary>
    private static (string Csv, Dictionary<int, string> Bad) ThousandLines(string t, string existing)
    {
        var text = new StringBuilder("name,email,role\r\n");
        var bad = new Dictionary<int, string>();
        for (var i = 1; i <= 1000; i++)
        {
            var line = i + 1; // the header is line 1
            var (name, email, role) = ($"Imported {t} {i:0000}", $"imported{i:0000}.{t}@corp.example", i % 10 == 0 ? "Admin" : "Member");
            switch (i)
            {
                case 100: email = ""; bad[line] = "email-missing"; break;
                case 200: email = "not-an-email"; bad[line] = "email-invalid"; break;
                case 300: email = $"imported0001.{t}@CORP.example"; bad[line] = "email-duplicate"; break;
                case 400: email = existing; bad[line] = "already-member"; break;
                case 500: role = "Owner"; bad[line] = "role-unknown"; break;
                case 600: name = new string('n', 101); bad[line] = "name-too-long"; break;
                case 700: name = "Null\0Byte"; bad[line] = "control-characters"; break;
                case 800: name = ""; bad[line] = "name-missing"; break;
            }
            text.Append($"{name},{email},{role}\r\n");
        }
        return (text.ToString(), bad);
    }

    [Fact]
    public async Task Dry_run_of_1000_lines_reports_every_bad_line_and_writes_nothing()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var existing = (await app.SignInNewAsync()).Email!;
        var (csv, bad) = ThousandLines(Token(), existing);
        var before = await UsersAsync();

        var response = await ImportAsync(admin, Csv(csv), dryRun: true);

        await response.ShouldBe(HttpStatusCode.OK);
        var report = await response.Json();
        Assert.Equal(1000, report.GetProperty("lines").GetArrayLength());
        Assert.Equal(bad.Count, report.GetProperty("invalid").GetInt32());
        Assert.Equal(1000 - bad.Count, report.GetProperty("valid").GetInt32());
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        var errors = ErrorsByLine(report);
        foreach (var (line, code) in bad) Assert.Equal([code], errors[line]);
        Assert.Equal(bad.Keys.Order(), errors.Where(e => e.Value.Length > 0).Select(e => e.Key).Order());
        Assert.Equal(before, await UsersAsync());
    }

    [Fact]
    public async Task Line_errors_have_words_in_the_readers_language()
    {
        var admin = await app.SignInNewAsync(admin: true);
        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko");

        var report = await (await ImportAsync(admin, Csv("name,email,role\r\nKim,not-an-email,Member\r\n"), dryRun: true)).Json();

        var error = report.GetProperty("lines")[0].GetProperty("errors")[0];
        Assert.Equal("email-invalid", error.GetProperty("code").GetString());
        Assert.Contains("이메일", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_real_run_with_a_bad_line_is_400_with_the_report_and_writes_nothing()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var existing = (await app.SignInNewAsync()).Email!;
        var (csv, bad) = ThousandLines(Token(), existing);
        var before = await UsersAsync();

        var problem = await (await ImportAsync(admin, Csv(csv), dryRun: false)).ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);

        Assert.Equal(bad.Count, problem.GetProperty("invalid").GetInt32());
        Assert.Equal(1000, problem.GetProperty("lines").GetArrayLength());
        Assert.Equal(["already-member"], ErrorsByLine(problem)[401]);
        Assert.Equal(before, await UsersAsync());
    }

    [Fact]
    public async Task A_multipart_upload_with_a_bom_semicolons_and_columns_in_another_order_is_read()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"Email;Role;Name;Team\r\n\r\nhong.{t}@corp.example;admin;홍길동;Sales\r\n")).ToArray();
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "members.csv" } };

        var response = await ImportAsync(admin, form, dryRun: true);

        await response.ShouldBe(HttpStatusCode.OK);
        var line = (await response.Json()).GetProperty("lines")[0];
        Assert.Equal(3, line.GetProperty("line").GetInt32()); // the empty line 2 is skipped, not renumbered
        Assert.Equal("홍길동", line.GetProperty("name").GetString());
        Assert.Equal("admin", line.GetProperty("role").GetString());
        Assert.Empty(line.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Broken_quotes_are_reported_on_their_line()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();

        var report = await (await ImportAsync(admin, Csv($"name,email\r\nGood,good.{t}@corp.example\r\nBad \"quote\" here,bad.{t}@corp.example\r\n"), dryRun: true)).Json();

        var errors = ErrorsByLine(report);
        Assert.Empty(errors[2]);
        Assert.Contains("malformed-line", errors[3]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just some words\r\nand more\r\n")]
    [InlineData("name,email,role\r\n")]
    public async Task A_file_that_is_not_a_member_csv_is_400(string text)
    {
        var admin = await app.SignInNewAsync(admin: true);

        var problem = await (await ImportAsync(admin, Csv(text), dryRun: true)).ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);

        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task A_binary_file_is_400_not_csv()
    {
        var admin = await app.SignInNewAsync(admin: true);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xD8, 0xC3, 0x28];
        var body = new ByteArrayContent(png) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };

        await (await ImportAsync(admin, body, dryRun: true)).ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);
    }

    [Fact]
    public async Task A_json_body_is_415()
    {
        var admin = await app.SignInNewAsync(admin: true);

        await (await ImportAsync(admin, Csv("{}", "application/json"), dryRun: true)).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, ProblemCodes.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_bad_dry_run_flag_is_400()
    {
        var admin = await app.SignInNewAsync(admin: true);

        await (await admin.Http.PostAsync("/api/admin/members/import?dryRun=perhaps", Csv("name,email\r\nA,a@corp.example\r\n")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);
    }

    /// <summary>10 MB and one byte of valid CSV lines.</summary>
    private static byte[] OverTenMegabytes()
    {
        var line = Encoding.UTF8.GetBytes("Someone Somewhere,someone@corp.example,Member\r\n");
        var bytes = new byte[10 * 1024 * 1024 + 1];
        var header = Encoding.UTF8.GetBytes("name,email,role\r\n");
        header.CopyTo(bytes, 0);
        for (var at = header.Length; at < bytes.Length; at += line.Length)
            line.AsSpan(0, Math.Min(line.Length, bytes.Length - at)).CopyTo(bytes.AsSpan(at));
        return bytes;
    }

    [Fact]
    public async Task A_file_over_10_MB_is_413_as_a_body_with_its_length()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var body = new ByteArrayContent(OverTenMegabytes()) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

        await (await ImportAsync(admin, body, dryRun: true)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
    }

    [Fact]
    public async Task A_file_over_10_MB_is_413_when_streamed_without_a_length()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var body = new StreamContent(new UnknownLengthStream(OverTenMegabytes())) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

        await (await ImportAsync(admin, body, dryRun: true)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
    }

    [Fact]
    public async Task A_file_over_10_MB_in_a_form_is_413()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var form = new MultipartFormDataContent { { new ByteArrayContent(OverTenMegabytes()), "file", "members.csv" } };

        await (await ImportAsync(admin, form, dryRun: true)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
    }

    [Fact]
    public async Task Export_is_utf8_csv_with_a_bom_a_dated_name_iso_utc_times_and_formula_cells_neutralised()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        await MemberSeeder.SeedAsync(app.Services, [
            new($"formula.{t}@corp.example", $"=cmd|' /C calc'!A0 {t}", LastSignInAt: DateTimeOffset.Parse("2026-11-20T09:30:00+09:00")),
            new($"plus.{t}@corp.example", $"+1+1 {t}"),
            new($"at.{t}@corp.example", $"@SUM(A1) {t}", MemberStatus.Invited, WithPassword: false),
            new($"minus.{t}@corp.example", $"-2+3 {t}"),
            new($"tab.{t}@corp.example", $"\tTabbed {t}"),
            new($"plain.{t}@corp.example", $"김민지 {t}", Admin: true),
        ]);

        var response = await admin.GetAsync($"/api/admin/members/export?search={t}");

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("members-2026-11-23.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,email,role,status,signInMethod,lastSignInAt,upcomingBookings", lines[0]);
        var rows = lines.Skip(1).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Contains($"\"'=cmd|' /C calc'!A0 {t}\",formula.{t}@corp.example,Member,Active,Password,2026-11-20T00:30:00Z,0", rows);
        Assert.Contains(rows, r => r.StartsWith($"\"'+1+1 {t}\","));
        Assert.Contains($"\"'@SUM(A1) {t}\",at.{t}@corp.example,Member,Invited,None,,0", rows);
        Assert.Contains(rows, r => r.StartsWith($"\"'-2+3 {t}\","));
        Assert.Contains(rows, r => r.StartsWith($"\"'\tTabbed {t}\","));
        Assert.Contains($"김민지 {t},plain.{t}@corp.example,Admin,Active,Password,,0", rows);
        Assert.DoesNotContain(rows, r => r.StartsWith('=') || r.StartsWith('+') || r.StartsWith('@') || r.StartsWith('-'));
    }

    [Fact]
    public async Task Export_takes_the_lists_filters()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        await MemberSeeder.SeedAsync(app.Services, [new($"a.{t}@corp.example", $"A {t}", Admin: true), new($"b.{t}@corp.example", $"B {t}")]);

        var text = await (await admin.GetAsync($"/api/admin/members/export?search={t}&role=Admin")).Content.ReadAsStringAsync();

        Assert.Contains($"a.{t}@corp.example", text);
        Assert.DoesNotContain($"b.{t}@corp.example", text);
        await (await admin.GetAsync("/api/admin/members/export?status=Sleeping")).ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);
    }

    /// <summary>A stream that does not tell its length, so the client sends it chunked (no Content-Length).</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
