using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>
/// The member CSV format (P1), read and written with CsvHelper. Import: UTF-8 (with or without a byte order mark;
/// UTF-16 with one), a header line naming the columns <c>name</c>, <c>email</c> and optionally <c>role</c> (any order,
/// any case; other columns are ignored), the separator detected (comma, semicolon, tab), RFC 4180 quoting, empty lines
/// skipped, at most <see cref="MaxLines"/> data lines. Export: <c>name,email,role,status,signInMethod,lastSignInAt,
/// upcomingBookings</c>, UTF-8 with a byte order mark (so Excel reads Korean names right), CRLF, instants in ISO 8601
/// UTC, and every text cell that starts with <c>= + - @</c>, a tab or a CR prefixed with a single quote (OWASP CSV
/// injection: a spreadsheet shows it as text instead of running it as a formula).
/// </summary>
public static class MemberCsv
{
    /// <summary>The largest file accepted (10 MiB); larger is 413.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;
    /// <summary>The most members one file may list.</summary>
    public const int MaxLines = 5000;
    /// <summary>The export's columns, in order.</summary>
    public static readonly string[] ExportColumns = ["name", "email", "role", "status", "signInMethod", "lastSignInAt", "upcomingBookings"];

    /// <summary>
    /// The data lines of a member file. Problems (400 invalid-input, field <c>file</c>): not readable text, no
    /// <c>name</c>/<c>email</c> header, no data line, more than <see cref="MaxLines"/> lines.
    /// </summary>
    public static AppResult<IReadOnlyList<CsvMemberLine>> Read(ReadOnlyMemory<byte> file)
    {
        var bytes = file.Span;
        var utf16 = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
        if (!utf16)
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) file = file[3..];
            if (!Utf8.IsValid(file.Span)) return Unreadable("CsvNotText");
        }

        var malformed = new HashSet<long>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            TrimWhitespace = true,
            OnMalformedRecord = record => malformed.Add(record.LineNumber),
        };
        var lines = new List<CsvMemberLine>();
        try
        {
            using var csv = CsvReader.Create(file, options);
            if (csv.Headers.Count == 0) return Unreadable("CsvEmpty");
            if (!csv.TryGetFieldIndex("email", out var email) || !csv.TryGetFieldIndex("name", out var name))
                return Unreadable("CsvNoHeader");
            var role = csv.TryGetFieldIndex("role", out var r) ? r : -1;
            while (csv.Read())
            {
                if (lines.Count == MaxLines) return Unreadable("CsvTooManyLines", MaxLines);
                var line = csv.LineNumber;
                lines.Add(new CsvMemberLine((int)Math.Min(line, int.MaxValue), Field(csv, name), Field(csv, email),
                    role < 0 ? "" : Field(csv, role), malformed.Contains(line)));
            }
        }
        catch (CsvFormatException)
        {
            return Unreadable("CsvNotText");
        }
        return lines.Count == 0 ? Unreadable("CsvNoLines") : lines;
    }

    private static string Field(CsvReader csv, int index) => index < csv.FieldCount ? (csv.GetString(index) ?? "").Trim() : "";

    private static AppProblem Unreadable(string key, params object[] args) => AppProblem.Invalid("file", MemberProblems.Get(key, args));

    /// <summary>The members as a CSV file (see the class summary), UTF-8 with a byte order mark.</summary>
    public static byte[] Write(IEnumerable<MemberRow> members)
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(ExportColumns);
            foreach (var m in members)
                csv.WriteRecord([
                    m.Name, m.Email, m.Role.ToString(), m.Status.ToString(), m.SignInMethod.ToString(),
                    m.LastSignInAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "",
                    m.UpcomingBookings.ToString(CultureInfo.InvariantCulture),
                ]);
            csv.Flush();
        }
        return output.ToArray();
    }

    /// <summary>Whether <paramref name="bytes"/> starts with UTF-8's byte order mark (what the export writes).</summary>
    public static bool HasUtf8Bom(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Encoding.UTF8.Preamble);
}
