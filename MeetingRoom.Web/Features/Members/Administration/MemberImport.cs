using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Members.Invitations;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>
/// CSV import of members (P1): a preview that checks every line before anything is written, and the real import,
/// which writes nothing unless every line is valid and then invites everyone in one transaction
/// (<see cref="InvitationService.InviteManyAsync"/>: all or nothing). Line errors, each with a stable code:
/// <c>email-missing</c>, <c>email-invalid</c>, <c>name-missing</c>, <c>name-too-long</c>, <c>role-unknown</c>,
/// <c>control-characters</c> (the rules of <see cref="MemberInput"/>), <c>email-duplicate</c> (the address is on an
/// earlier line too, compared as Identity normalizes it), <c>already-member</c> (an account has the address, whatever
/// its status) and <c>malformed-line</c> (broken quoting).
/// </summary>
public sealed class MemberImport(AppDbContext db, ILookupNormalizer normalizer, InvitationService invitations)
{
    public const string EmailDuplicate = "email-duplicate";
    public const string AlreadyMember = "already-member";
    public const string MalformedLine = "malformed-line";
    private const int EchoLength = 320;

    /// <summary>The report of <paramref name="file"/> (nothing written). Problems: admin-only, invalid-input (file unreadable, see <see cref="MemberCsv.Read"/>).</summary>
    public async Task<AppResult<MemberImportReport>> PreviewAsync(Actor admin, ReadOnlyMemory<byte> file, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        var lines = MemberCsv.Read(file);
        if (!lines.IsOk) return lines.Problem!;
        return await CheckAsync(lines.Value!, ct);
    }

    /// <summary>
    /// Imports <paramref name="file"/>: when any line has an error, 400 invalid-input whose <c>lines</c>, <c>valid</c> and
    /// <c>invalid</c> are the preview's report, and nothing is written; else everyone is invited at once. Problems:
    /// admin-only, invalid-input, and those of <see cref="InvitationService.InviteManyAsync"/> (e.g. an address taken
    /// meanwhile), which also write nothing.
    /// </summary>
    public async Task<AppResult<MemberImportReport>> ImportAsync(Actor admin, ReadOnlyMemory<byte> file, CancellationToken ct = default)
    {
        var checkedFile = await PreviewAsync(admin, file, ct);
        if (!checkedFile.IsOk) return checkedFile.Problem!;
        var report = checkedFile.Value!;
        if (report.Invalid > 0) return HasErrors(report);

        var requests = report.Lines
            .Select(l => new InvitationRequest(l.Email, l.Name, MemberInput.ParseRole(l.Role)!.Value.ToString()))
            .ToList();
        var invited = await invitations.InviteManyAsync(admin, requests, ct);
        if (!invited.IsOk) return invited.Problem!;
        return report with { DryRun = false, Invited = invited.Value! };
    }

    /// <summary>400 invalid-input carrying the report (<c>lines</c>, <c>valid</c>, <c>invalid</c>).</summary>
    private static AppProblem HasErrors(MemberImportReport report)
    {
        var detail = MemberProblems.Get("ImportHasErrors", report.Invalid, report.Lines.Count);
        return new AppProblem(ProblemCodes.InvalidInput, 400, MemberProblems.Get("TitleImportHasErrors"), detail,
            new Dictionary<string, string[]> { ["file"] = [detail] },
            Extensions: new Dictionary<string, object?> { ["lines"] = report.Lines, ["valid"] = report.Valid, ["invalid"] = report.Invalid });
    }

    private async Task<MemberImportReport> CheckAsync(IReadOnlyList<CsvMemberLine> lines, CancellationToken ct)
    {
        var normalized = lines.Select(l => MemberInput.IsEmail(l.Email) ? normalizer.NormalizeEmail(l.Email) : null).ToList();
        var taken = await ExistingAsync(normalized.OfType<string>().Distinct().ToList(), ct);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var report = new List<MemberImportLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var errors = MemberInput.Check(line.Email, line.Name, line.Role)
                .Select(p => new MemberImportError(MemberProblems.CodeOf(p.Error), MemberProblems.Describe(p.Error)))
                .ToList();
            if (normalized[i] is { } email)
            {
                if (firstLine.TryGetValue(email, out var first))
                    errors.Add(new(EmailDuplicate, MemberProblems.Get("ImportDuplicate", first)));
                else
                {
                    firstLine[email] = line.Line;
                    if (taken.Contains(email)) errors.Add(new(AlreadyMember, MemberProblems.Get("ImportAlreadyMember")));
                }
            }
            if (line.Malformed) errors.Add(new(MalformedLine, MemberProblems.Get("ImportMalformed")));
            report.Add(new MemberImportLine(line.Line, Echo(line.Email), Echo(line.Name), Echo(line.Role), errors));
        }
        var invalid = report.Count(l => l.Errors.Count > 0);
        return new MemberImportReport(report, report.Count - invalid, invalid, DryRun: true, Invited: []);
    }

    /// <summary>Which of the normalized addresses an account already has (in chunks the providers' parameter limits allow).</summary>
    private async Task<HashSet<string>> ExistingAsync(IReadOnlyList<string> emails, CancellationToken ct)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in emails.Chunk(500))
        {
            var list = chunk.ToList();
            taken.UnionWith(await db.Users.AsNoTracking().Where(u => list.Contains(u.NormalizedEmail!))
                .Select(u => u.NormalizedEmail!).ToListAsync(ct));
        }
        return taken;
    }

    private static string Echo(string text) => text.Length <= EchoLength ? text : text[..EchoLength];
}
