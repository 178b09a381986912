using System.Globalization;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>
/// Reads the member list for admins (P1): server-side search, filters and paging, fast with 10,000 members — a page
/// costs three queries whatever its size (the count, the page with its role and sign-in facts as subqueries, and the
/// upcoming bookings of the page's members grouped), never one per row. Search matches part of the name (SQL
/// <c>UPPER</c>) or of the normalized email (Identity's upper-case <c>NormalizedEmail</c>), so it is case-insensitive on
/// SQLite, PostgreSQL and SQL Server alike (SQLite upper-cases ASCII letters only; Korean has no case). The order is
/// stable: name, then email, then id.
/// </summary>
public sealed class MemberDirectory(AppDbContext db, ILookupNormalizer normalizer, SiteRulesProvider rules, TimeProvider clock)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxPage = 1_000_000;
    public const int MaxSearchLength = 256;
    private const string AdminRole = "ADMIN"; // Identity's NormalizedName of Roles.Admin

    /// <summary>
    /// <c>GET /api/admin/members</c>: the query's texts checked (page ≥ 1, default 1; pageSize 1..100, default 25;
    /// role Admin/Member; status Active/Invited/Deactivated; search at most 256 characters), then the page.
    /// Problem: invalid-input naming each bad parameter.
    /// </summary>
    public async Task<AppResult<MemberPage>> ListAsync(string? search, string? role, string? status, string? page, string? pageSize,
        CancellationToken ct = default)
    {
        var query = ParseQuery(search, role, status, page, pageSize);
        if (!query.IsOk) return query.Problem!;
        var (filter, p, size) = query.Value;
        return await ListAsync(filter, p, size, ct);
    }

    /// <summary>The query's texts as a filter, a 1-based page and a page size. Problem: invalid-input naming each bad parameter.</summary>
    public static AppResult<(MemberFilter Filter, int Page, int PageSize)> ParseQuery(string? search, string? role, string? status, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        MemberRole? r = null;
        MemberStatus? s = null;
        var p = 1;
        var size = DefaultPageSize;
        if (!string.IsNullOrWhiteSpace(role))
        {
            if (Enum.TryParse<MemberRole>(role.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) r = parsed;
            else errors["role"] = [MemberProblems.Get("QueryRole")];
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<MemberStatus>(status.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) s = parsed;
            else errors["status"] = [MemberProblems.Get("QueryStatus")];
        }
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p < 1 || p > MaxPage))
            errors["page"] = [MemberProblems.Get("QueryPage", MaxPage)];
        if (!string.IsNullOrWhiteSpace(pageSize) && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize))
            errors["pageSize"] = [MemberProblems.Get("QueryPageSize", MaxPageSize)];
        if (search is not null && (search.Trim().Length > MaxSearchLength || search.Any(char.IsControl)))
            errors["search"] = [MemberProblems.Get("QuerySearch", MaxSearchLength)];
        if (errors.Count > 0) return AppProblem.Invalid(errors);
        return (new MemberFilter(string.IsNullOrWhiteSpace(search) ? null : search.Trim(), r, s), p, size);
    }

    /// <summary>Page <paramref name="page"/> (1-based) of <paramref name="pageSize"/> members matching <paramref name="filter"/>, and the total.</summary>
    public async Task<MemberPage> ListAsync(MemberFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Clamp(page, 1, MaxPage);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var matching = Filtered(filter);
        var total = await matching.CountAsync(ct);
        var skip = (page - 1) * pageSize;
        if (skip >= total) return new MemberPage([], total);
        var items = await RowsAsync(Ordered(matching).Skip(skip).Take(pageSize), ct);
        return new MemberPage(items, total);
    }

    /// <summary>Every member matching <paramref name="filter"/>, in list order (for the CSV export): four queries in all.</summary>
    public async Task<IReadOnlyList<MemberRow>> AllAsync(MemberFilter filter, CancellationToken ct = default) =>
        await RowsAsync(Ordered(Filtered(filter)), ct);

    /// <summary>One member; null when no account has the id.</summary>
    public async Task<MemberRow?> GetAsync(string id, CancellationToken ct = default) =>
        (await RowsAsync(db.Users.AsNoTracking().Where(u => u.Id == id), ct)).FirstOrDefault();

    /// <summary>Problem: unknown-member.</summary>
    public async Task<AppResult<MemberRow>> FindAsync(string id, CancellationToken ct = default) =>
        await GetAsync(id, ct) is { } row ? row : MemberProblems.UnknownMember();

    /// <summary>
    /// The member's upcoming bookings (active, not yet ended), soonest first, at most <paramref name="max"/>: what
    /// deactivating them would cancel. Problem: unknown-member.
    /// </summary>
    public async Task<AppResult<IReadOnlyList<MemberBookingRow>>> UpcomingBookingsAsync(string id, int max = 100, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id, ct)) return MemberProblems.UnknownMember();
        var member = new MemberId(id);
        var now = clock.GetUtcNow();
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.BookedBy == member && BookingStates.Active.Contains(b.State) && b.EndsAt > now)
            .OrderBy(b => b.StartsAt).ThenBy(b => b.RoomId)
            .Take(Math.Clamp(max, 1, 1000))
            .Join(db.Rooms, b => b.RoomId, r => r.Id, (b, r) => new { b.Id, RoomName = r.Name, b.Date, b.PeriodStart, b.PeriodEnd, b.State, b.StartsAt })
            .ToListAsync(ct);
        return rows.OrderBy(b => b.StartsAt).Select(b => new MemberBookingRow(b.Id, b.RoomName, b.Date, b.PeriodStart, b.PeriodEnd, b.State)).ToList();
    }

    private IQueryable<AppUser> Filtered(MemberFilter filter)
    {
        var users = db.Users.AsNoTracking();
        if (filter.Search is { Length: > 0 } search)
        {
            var email = normalizer.NormalizeEmail(search);
            var name = search.ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(email) || u.DisplayName.ToUpper().Contains(name));
        }
        if (filter.Status is { } status) users = users.Where(u => u.Status == status);
        if (filter.Role is { } role)
        {
            var admin = role == MemberRole.Admin;
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == AdminRole)) == admin);
        }
        return users;
    }

    private static IQueryable<AppUser> Ordered(IQueryable<AppUser> users) =>
        users.OrderBy(u => u.DisplayName).ThenBy(u => u.NormalizedEmail).ThenBy(u => u.Id);

    /// <summary>The rows of <paramref name="users"/> (already ordered and paged): one query for the accounts, one for their upcoming bookings.</summary>
    private async Task<IReadOnlyList<MemberRow>> RowsAsync(IQueryable<AppUser> users, CancellationToken ct)
    {
        var accounts = await users.Select(u => new
        {
            u.Id, u.Email, u.DisplayName, u.Status, u.LastSignInAt,
            HasPassword = u.PasswordHash != null,
            IsAdmin = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == AdminRole)),
            HasLogin = db.UserLogins.Any(l => l.UserId == u.Id),
        }).ToListAsync(ct);
        if (accounts.Count == 0) return [];

        var upcoming = await UpcomingCountsAsync(accounts.Select(a => a.Id).ToList(), ct);
        var site = await rules.GetAsync(ct);
        return accounts.Select(a => new MemberRow(a.Id, a.Email ?? "", a.DisplayName, a.IsAdmin ? MemberRole.Admin : MemberRole.Member, a.Status,
            (a.HasPassword, a.HasLogin) switch
            {
                (true, true) => SignInMethod.Both,
                (true, false) => SignInMethod.Password,
                (false, true) => SignInMethod.Sso,
                _ => SignInMethod.None,
            },
            site.Local(a.LastSignInAt), upcoming.GetValueOrDefault(a.Id))).ToList();
    }

    /// <summary>Active bookings not yet ended, per member, for many members at once (in chunks the providers' parameter limits allow).</summary>
    private async Task<Dictionary<string, int>> UpcomingCountsAsync(IReadOnlyList<string> memberIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in memberIds.Chunk(1000))
        {
            var members = chunk.Select(id => new MemberId(id)).ToList();
            var grouped = await db.Bookings.AsNoTracking()
                .Where(b => members.Contains(b.BookedBy) && BookingStates.Active.Contains(b.State) && b.EndsAt > now)
                .GroupBy(b => b.BookedBy)
                .Select(g => new { Member = g.Key, Count = g.Count() })
                .ToListAsync(ct);
            foreach (var g in grouped) counts[g.Member.Value] = g.Count;
        }
        return counts;
    }
}
